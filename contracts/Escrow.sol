// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";

/// @notice Holds one task's budget. Tasks deploys one minimal-proxy clone of this per task, so
/// the funds of different tasks never mix and a bug in one task's accounting cannot drain another.
contract Escrow {
    using SafeERC20 for IERC20;

    error AlreadyInitialized();
    error NotOwner();
    error NativeTransferFailed();

    address public owner;

    /// @dev Only the implementation runs this (clones skip constructors): its deployer (Tasks) owns
    /// it, so nobody can initialize the implementation itself.
    constructor() {
        owner = msg.sender;
    }

    receive() external payable {}

    /// @dev Called by Tasks in the transaction that creates the clone, so nobody can front-run it.
    function initialize() external payable {
        if (owner != address(0)) revert AlreadyInitialized();
        owner = msg.sender;
    }

    function transfer(IERC20 token, address to, uint256 amount) external {
        if (msg.sender != owner) revert NotOwner();
        token.safeTransfer(to, amount);
    }

    function transferNative(address payable to, uint256 amount) external {
        if (msg.sender != owner) revert NotOwner();
        (bool success,) = to.call{value: amount}("");
        if (!success) revert NativeTransferFailed();
    }
}
