// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Action, IExecutor} from "../../common/Action.sol";
import {IDAOManager} from "../../trustless/IDAOManager.sol";

/// @notice The call a trustless-actions contract (optimistic or pessimistic) takes to queue an action.
interface ITrustlessActionsCreate {
    function createAction(
        IDAOManager _manager,
        uint256 _role,
        Action[] calldata _actions,
        uint256 _failureMap,
        string calldata _metadata
    ) external returns (uint32 id);
}

/// @notice Queues a trustless action in a DAO's name: this contract uses a TrustlessManagement
/// role the DAO gave it (`uint160(this)` on AddressTrustlessManagement) to make the DAO call
/// `createAction` on a trustless-actions contract, with a role that may later run the actions.
abstract contract CreateTrustlessAction {
    /// @param manager and @param role: how this contract acts as the DAO; @param trustlessActions:
    /// where the action is queued (PessimisticActions, so the DAO must approve it).
    struct ManagementInfo {
        IDAOManager manager;
        uint256 role;
        ITrustlessActionsCreate trustlessActions;
    }

    /// @notice The manager and role that will run the queued actions.
    struct TrustlessActionsInfo {
        IDAOManager manager;
        uint256 role;
    }

    event TrustlessActionCreated(address indexed dao, address indexed trustlessActions, uint256 indexed actionId);

    function _createAction(
        address _dao,
        string calldata _metadata,
        ManagementInfo calldata _managementInfo,
        TrustlessActionsInfo calldata _trustlessActionsInfo,
        Action[] memory _actions
    ) internal returns (uint256 actionId) {
        Action[] memory create = new Action[](1);
        create[0] = Action(
            address(_managementInfo.trustlessActions),
            0,
            abi.encodeCall(
                ITrustlessActionsCreate.createAction,
                (_trustlessActionsInfo.manager, _trustlessActionsInfo.role, _actions, 0, _metadata)
            )
        );
        (bytes[] memory returnValues,) = _managementInfo.manager.asDAO(IExecutor(_dao), _managementInfo.role, create, 0);
        actionId = abi.decode(returnValues[0], (uint256));
        emit TrustlessActionCreated(_dao, address(_managementInfo.trustlessActions), actionId);
    }
}
