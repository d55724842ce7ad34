// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC721} from "@openzeppelin/contracts/token/ERC721/IERC721.sol";
import {IDAO} from "./IDAO.sol";

/// @notice Optimistic actions: a member (OVC holder) proposes actions for the DAO; they become
/// executable `executeDelay` seconds later unless a member rejects them first (one rejection blocks
/// an action for good); after the delay anyone may execute. Events and function signatures are
/// those of Openmesh's OptimisticActions; unlike that singleton (which serves many DAOs through a
/// role manager), this contract serves one DAO and membership is holding an OVC, so `createAction`'s
/// `_manager` and `_role` are recorded in ActionCreated but grant nothing.
///
/// The only action allowed here is minting an OVC (adding a contributor): revoking, treasury
/// transfers and everything else need a vote. It is enforced twice: `createAction` rejects anything
/// else (ActionNotAllowed), and the DAO itself only lets this plugin call OVC `mint`.
contract OptimisticActions {
    struct ActionRequest {
        address creator;
        address manager;
        uint256 role;
        IDAO.Action[] actions;
        uint256 failureMap;
        string metadata;
        uint64 executableFrom;
        bool rejected;
        bool executed;
    }

    IDAO private immutable dao_;
    /// @notice Membership: holding one of these (the OVC) makes an account a member.
    IERC721 public immutable verifiedContributor;
    uint64 private executeDelay_;
    uint32 public actionCount;
    mapping(uint32 id => ActionRequest) private requests;

    event ActionCreated(
        uint32 indexed id,
        address indexed dao,
        address manager,
        uint256 role,
        IDAO.Action[] actions,
        uint256 failureMap,
        string metadata
    );
    event OptimisticActionCreated(uint32 indexed id, address indexed dao, uint64 executableFrom);
    event OptimisticActionRejected(uint32 indexed id, address indexed dao, string metadata);
    event ActionExecuted(
        uint32 indexed id, address indexed dao, address indexed executor, bytes[] returnValues, uint256 failureMap
    );
    event OptimisticExecuteDelaySet(address indexed dao, uint64 executeDelay);

    error NotMember(address account);
    error ActionNotAllowed(uint256 index);
    error UnknownDao(address dao);
    error ActionDoesNotExist(uint32 id);
    error ActionAlreadyExecuted(uint32 id);
    error ActionIsRejected(uint32 id);
    error OptimisticRequestNotExecutableYet();
    error SenderIsNotAdmin();
    error Overflow();

    constructor(IDAO _dao, IERC721 _verifiedContributor, uint64 _executeDelay) {
        dao_ = _dao;
        verifiedContributor = _verifiedContributor;
        executeDelay_ = _executeDelay;
        emit OptimisticExecuteDelaySet(address(_dao), _executeDelay);
    }

    // Parameter names are the reference's (no underscore), as clients may pass arguments by name.

    function createAction(
        address manager,
        uint256 role,
        IDAO.Action[] calldata actions,
        uint256 failureMap,
        string calldata metadata
    ) external returns (uint32 id) {
        _ensureMember();
        for (uint256 i; i < actions.length; ++i) {
            IDAO.Action calldata action = actions[i];
            if (
                action.to != address(verifiedContributor) || action.value != 0 || action.data.length < 4
                    || bytes4(action.data[:4]) != MINT_SELECTOR
            ) revert ActionNotAllowed(i);
        }
        if (actionCount == type(uint32).max) revert Overflow();

        id = actionCount++;
        ActionRequest storage request = requests[id];
        request.creator = msg.sender;
        request.manager = manager;
        request.role = role;
        request.failureMap = failureMap;
        request.metadata = metadata;
        for (uint256 i; i < actions.length; ++i) {
            request.actions.push(actions[i]);
        }
        uint64 executableFrom = uint64(block.timestamp) + executeDelay_;
        request.executableFrom = executableFrom;

        emit ActionCreated(id, address(dao_), manager, role, actions, failureMap, metadata);
        emit OptimisticActionCreated(id, address(dao_), executableFrom);
    }

    /// @notice Blocks the action for good. Any member may, any time before it is executed.
    function rejectAction(uint32 id, string calldata metadata) external {
        _ensureMember();
        ActionRequest storage request = _getRequest(id);
        if (request.executed) revert ActionAlreadyExecuted(id);
        if (request.rejected) revert ActionIsRejected(id);
        request.rejected = true;
        // Executable "never", as Openmesh's contract records a rejection.
        request.executableFrom = type(uint64).max;
        emit OptimisticActionRejected(id, address(dao_), metadata);
    }

    function executeAction(address dao, uint32 id) external returns (bytes[] memory returnValues, uint256 failureMap) {
        if (dao != address(dao_)) revert UnknownDao(dao);
        ActionRequest storage request = _getRequest(id);
        if (request.executed) revert ActionAlreadyExecuted(id);
        if (request.rejected) revert ActionIsRejected(id);
        if (block.timestamp < request.executableFrom) revert OptimisticRequestNotExecutableYet();
        request.executed = true;
        (returnValues, failureMap) = dao_.execute(bytes32(uint256(id)), request.actions, request.failureMap);
        emit ActionExecuted(id, dao, msg.sender, returnValues, failureMap);
    }

    /// @notice Only the DAO (i.e. a vote) changes the delay; it applies to actions created afterwards.
    function setExecuteDelay(address dao, uint64 executeDelay) external {
        if (dao != address(dao_)) revert UnknownDao(dao);
        if (msg.sender != address(dao_)) revert SenderIsNotAdmin();
        executeDelay_ = executeDelay;
        emit OptimisticExecuteDelaySet(dao, executeDelay);
    }

    /// @notice The DAO this contract proposes actions to.
    function managedDao() external view returns (address) {
        return address(dao_);
    }

    /// @notice Seconds between an action's creation and the moment it may execute.
    function getExecuteDelay() external view returns (uint64) {
        return executeDelay_;
    }

    function getAction(uint32 id) external view returns (ActionRequest memory) {
        return _getRequest(id);
    }

    /// @dev VerifiedContributor.mint(address,uint256)
    bytes4 internal constant MINT_SELECTOR = bytes4(keccak256("mint(address,uint256)"));

    function _ensureMember() internal view {
        if (verifiedContributor.balanceOf(msg.sender) == 0) revert NotMember(msg.sender);
    }

    function _getRequest(uint32 _id) internal view returns (ActionRequest storage) {
        if (_id >= actionCount) revert ActionDoesNotExist(_id);
        return requests[_id];
    }
}
