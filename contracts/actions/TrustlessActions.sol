// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC165} from "@openzeppelin/contracts/utils/introspection/ERC165.sol";
import {Action, IExecutor} from "../common/Action.sol";
import {OpenmeshAdminOwned} from "../common/OpenmeshAdmin.sol";
import {IDAOManager} from "../trustless/IDAOManager.sol";

/// @notice Actions a DAO queues now and runs later, through a TrustlessManagement role it names.
/// One contract serves every DAO: requests are keyed by (dao, id), ids count from 0 per DAO, and
/// the DAO is whoever calls `createAction` (usually the DAO itself, through TrustlessManagement).
/// Concrete contracts decide when a request may run (`_ensureExecutable`).
abstract contract TrustlessActions is ERC165, OpenmeshAdminOwned {
    struct ActionRequest {
        bool executed;
        IDAOManager manager;
        uint256 role;
        Action[] actions;
        uint256 failureMap;
    }

    struct DaoRequests {
        uint32 count;
        mapping(uint32 id => ActionRequest) requests;
    }

    mapping(address dao => DaoRequests) private daoRequests;

    event ActionCreated(
        uint32 indexed id,
        address indexed dao,
        address manager,
        uint256 role,
        Action[] actions,
        uint256 failureMap,
        string metadata
    );
    event ActionExecuted(
        uint32 indexed id, address indexed dao, address indexed executor, bytes[] returnValues, uint256 failureMap
    );

    error RequestDoesNotExist();
    error RequestAlreadyExecuted();

    function getAction(IExecutor _dao, uint32 _id) external view returns (ActionRequest memory request) {
        return daoRequests[address(_dao)].requests[_id];
    }

    /// @notice Queues `_actions` for the calling DAO, to be run later by `_manager` as `_role`.
    /// @param _metadata Free text, by convention `ipfs://<cid>` of a `{title, summary}` document.
    function createAction(
        IDAOManager _manager,
        uint256 _role,
        Action[] calldata _actions,
        uint256 _failureMap,
        string calldata _metadata
    ) public virtual returns (uint32 id) {
        DaoRequests storage dao = daoRequests[msg.sender];
        id = dao.count++;
        ActionRequest storage request = dao.requests[id];
        request.manager = _manager;
        request.role = _role;
        for (uint256 i; i < _actions.length; ++i) {
            request.actions.push(_actions[i]);
        }
        request.failureMap = _failureMap;
        emit ActionCreated(id, msg.sender, address(_manager), _role, _actions, _failureMap, _metadata);
    }

    /// @notice Runs a request once it may run; marked executed before its calls are made.
    function executeAction(IExecutor _dao, uint32 _id) external returns (bytes[] memory returnValues, uint256 failureMap) {
        ActionRequest storage request = _pendingRequest(address(_dao), _id);
        _ensureExecutable(address(_dao), _id);
        request.executed = true;
        (returnValues, failureMap) = request.manager.asDAO(_dao, request.role, request.actions, request.failureMap);
        emit ActionExecuted(_id, address(_dao), msg.sender, returnValues, failureMap);
    }

    function supportsInterface(bytes4 _interfaceId) public view virtual override returns (bool) {
        return _interfaceId == this.createAction.selector ^ this.executeAction.selector ^ this.getAction.selector
            || super.supportsInterface(_interfaceId);
    }

    /// @dev Reverts unless request `_id` of `_dao` may run now.
    function _ensureExecutable(address _dao, uint32 _id) internal view virtual;

    /// @dev The request, if it exists and has not run yet.
    function _pendingRequest(address _dao, uint32 _id) internal view returns (ActionRequest storage request) {
        DaoRequests storage dao = daoRequests[_dao];
        if (_id >= dao.count) revert RequestDoesNotExist();
        request = dao.requests[_id];
        if (request.executed) revert RequestAlreadyExecuted();
    }
}
