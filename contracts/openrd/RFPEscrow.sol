// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Escrow} from "./Escrow.sol";
import {ITasks} from "./ITasks.sol";

/// @notice One RFP's budget. It creates the RFP's tasks itself, so it is their creator: whatever a
/// task refunds comes back here, for the next project, until the RFP is emptied.
contract RFPEscrow is Escrow {
    using SafeERC20 for IERC20;

    error InsufficientNativeBudget(uint256 available, uint256 needed);

    /// @dev Tasks may pull any budget token from here, so each accepted project is one call.
    function __RFPEscrow_init(ITasks _tasks, ITasks.ERC20Transfer[] calldata _budget) external payable {
        __Escrow_init();
        for (uint256 i; i < _budget.length; ++i) {
            _budget[i].tokenContract.forceApprove(address(_tasks), type(uint256).max);
        }
    }

    function createTask(
        ITasks _tasks,
        string calldata _metadata,
        uint64 _deadline,
        address _manager,
        address _disputeManager,
        uint96 _nativeBudget,
        ITasks.ERC20Transfer[] calldata _budget,
        ITasks.PreapprovedApplication[] calldata _preapprove
    ) external returns (uint256 taskId) {
        _ensureOwner();
        if (address(this).balance < _nativeBudget) {
            revert InsufficientNativeBudget(address(this).balance, _nativeBudget);
        }
        return _tasks.createTask{value: _nativeBudget}(
            _metadata, _deadline, _manager, _disputeManager, _budget, _preapprove
        );
    }
}
