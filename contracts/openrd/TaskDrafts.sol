// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC165} from "@openzeppelin/contracts/utils/introspection/ERC165.sol";
import {Action} from "../common/Action.sol";
import {OpenmeshAdminOwned} from "../common/OpenmeshAdmin.sol";
import {CreateTrustlessAction} from "./extensions/CreateTrustlessAction.sol";
import {PaidAction} from "./extensions/PaidAction.sol";
import {ITasks} from "./ITasks.sol";

/// @notice Proposes a task to a DAO: queues `Tasks.createTask`, with `value = nativeBudget` paid
/// from the DAO, as a pessimistic action of the DAO, which creates the task if it approves. The DAO
/// must have approved Tasks for any ERC-20 budget. `createDraftTask` takes no payment, so a DAO
/// that sets a cost here turns drafts off.
contract TaskDrafts is ERC165, OpenmeshAdminOwned, PaidAction, CreateTrustlessAction {
    struct CreateTaskInfo {
        string metadata;
        uint64 deadline;
        address manager;
        address disputeManager;
        uint96 nativeBudget;
        ITasks.ERC20Transfer[] budget;
        ITasks.PreapprovedApplication[] preapproved;
    }

    ITasks public immutable tasks;

    constructor(ITasks _tasks) {
        tasks = _tasks;
    }

    /// @param _metadata By convention `ipfs://<cid>` of a `{title, summary}` document about the draft.
    function createDraftTask(
        address _dao,
        string calldata _metadata,
        ManagementInfo calldata _managementInfo,
        TrustlessActionsInfo calldata _trustlessActionsInfo,
        CreateTaskInfo calldata _taskInfo
    ) external {
        _ensurePaid(_dao);
        Action[] memory actions = new Action[](1);
        actions[0] = Action(
            address(tasks),
            _taskInfo.nativeBudget,
            abi.encodeCall(
                ITasks.createTask,
                (
                    _taskInfo.metadata,
                    _taskInfo.deadline,
                    _taskInfo.manager,
                    _taskInfo.disputeManager,
                    _taskInfo.budget,
                    _taskInfo.preapproved
                )
            )
        );
        _createAction(_dao, _metadata, _managementInfo, _trustlessActionsInfo, actions);
    }

    function supportsInterface(bytes4 _interfaceId) public view override returns (bool) {
        return _interfaceId == this.createDraftTask.selector || super.supportsInterface(_interfaceId);
    }
}
