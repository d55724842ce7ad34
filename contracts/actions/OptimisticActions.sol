// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Action, IExecutor} from "../common/Action.sol";
import {IDAOManager} from "../trustless/IDAOManager.sol";
import {TrustlessActions} from "./TrustlessActions.sol";

/// @notice Trustless actions that anyone may run after a per-DAO delay unless the DAO rejects them
/// first. Members create and reject through TrustlessManagement roles the DAO gave them (e.g. any
/// OVC holder), so a single member can propose and a single member can veto.
contract OptimisticActions is TrustlessActions {
    struct OptimisticActionRequest {
        uint64 executableFrom;
    }

    struct OptimisticDaoSettings {
        /// @dev address(0): the DAO itself administers its settings.
        address admin;
        uint64 executeDelay;
    }

    /// @notice `executableFrom` of a rejected request: it never becomes executable.
    uint64 internal constant REJECTED = type(uint64).max;

    mapping(address dao => mapping(uint32 id => OptimisticActionRequest)) private optimisticRequests;
    mapping(address dao => OptimisticDaoSettings) private settings;

    event OptimisticActionCreated(uint32 indexed id, address indexed dao, uint64 executableFrom);
    event OptimisticActionRejected(uint32 indexed id, address indexed dao, string metadata);
    event OptimisticExecuteDelaySet(address indexed dao, uint64 executeDelay);
    event AdminSet(address indexed dao, address admin);

    error OptimisticRequestNotExecutableYet();
    error SenderIsNotAdmin();
    error Overflow();

    function getOptimisticAction(IExecutor _dao, uint32 _id)
        external
        view
        returns (OptimisticActionRequest memory request)
    {
        return optimisticRequests[address(_dao)][_id];
    }

    /// @inheritdoc TrustlessActions
    /// @dev Executable from now + the calling DAO's delay.
    function createAction(
        IDAOManager _manager,
        uint256 _role,
        Action[] calldata _actions,
        uint256 _failureMap,
        string calldata _metadata
    ) public override returns (uint32 id) {
        id = super.createAction(_manager, _role, _actions, _failureMap, _metadata);
        uint256 executableFrom = block.timestamp + settings[msg.sender].executeDelay;
        if (executableFrom >= REJECTED) revert Overflow();
        optimisticRequests[msg.sender][id].executableFrom = uint64(executableFrom);
        emit OptimisticActionCreated(id, msg.sender, uint64(executableFrom));
    }

    /// @notice The calling DAO vetoes its pending request `_id` for good.
    /// @param _metadata Why, by convention `ipfs://<cid>` of a `{reason}` document.
    function rejectAction(uint32 _id, string calldata _metadata) external {
        _pendingRequest(msg.sender, _id);
        optimisticRequests[msg.sender][_id].executableFrom = REJECTED;
        emit OptimisticActionRejected(_id, msg.sender, _metadata);
    }

    /// @notice How long `_dao`'s new requests wait before anyone may run them.
    function setExecuteDelay(IExecutor _dao, uint64 _executeDelay) external {
        _administered(address(_dao)).executeDelay = _executeDelay;
        emit OptimisticExecuteDelaySet(address(_dao), _executeDelay);
    }

    /// @notice Hands `_dao`'s settings to `_admin` (address(0): back to the DAO).
    function setAdmin(IExecutor _dao, address _admin) external {
        _administered(address(_dao)).admin = _admin;
        emit AdminSet(address(_dao), _admin);
    }

    function _ensureExecutable(address _dao, uint32 _id) internal view override {
        if (block.timestamp < optimisticRequests[_dao][_id].executableFrom) revert OptimisticRequestNotExecutableYet();
    }

    function _administered(address _dao) private view returns (OptimisticDaoSettings storage daoSettings) {
        daoSettings = settings[_dao];
        address admin = daoSettings.admin;
        if (msg.sender != (admin == address(0) ? _dao : admin)) revert SenderIsNotAdmin();
    }
}
