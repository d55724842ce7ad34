// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC165} from "@openzeppelin/contracts/utils/introspection/ERC165.sol";
import {Action} from "../common/Action.sol";
import {OpenmeshAdminOwned} from "../common/OpenmeshAdmin.sol";
import {CreateTrustlessAction} from "./extensions/CreateTrustlessAction.sol";
import {PaidAction} from "./extensions/PaidAction.sol";
import {ITasks} from "./ITasks.sol";

/// @notice Opens a dispute over a task: for the DAO's fee, queues `Tasks.completeByDispute` with
/// the partial payment asked for as a pessimistic action of the DAO (a task's dispute manager), so
/// it runs only if the DAO approves it by a vote. Anyone may open one; the DAO judges.
contract TaskDisputes is ERC165, OpenmeshAdminOwned, PaidAction, CreateTrustlessAction {
    struct DisputeInfo {
        uint256 taskId;
        uint96[] partialNativeReward;
        uint88[] partialReward;
    }

    ITasks public immutable tasks;

    constructor(ITasks _tasks) {
        tasks = _tasks;
    }

    /// @param _metadata By convention `ipfs://<cid>` of a `{title, summary, body}` document.
    function createDispute(
        address _dao,
        string calldata _metadata,
        ManagementInfo calldata _managementInfo,
        TrustlessActionsInfo calldata _trustlessActionsInfo,
        DisputeInfo calldata _disputeInfo
    ) external payable {
        _ensurePaid(_dao);
        Action[] memory actions = new Action[](1);
        actions[0] = Action(
            address(tasks),
            0,
            abi.encodeCall(
                ITasks.completeByDispute,
                (_disputeInfo.taskId, _disputeInfo.partialNativeReward, _disputeInfo.partialReward)
            )
        );
        _createAction(_dao, _metadata, _managementInfo, _trustlessActionsInfo, actions);
    }

    function supportsInterface(bytes4 _interfaceId) public view override returns (bool) {
        return _interfaceId == this.createDispute.selector || super.supportsInterface(_interfaceId);
    }
}
