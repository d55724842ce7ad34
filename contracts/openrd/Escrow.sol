// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";

/// @notice Holds one task's (or one RFP's) budget. Tasks deploys one minimal-proxy clone of this
/// per task, so the funds of different tasks never mix and a bug in one task's accounting cannot
/// drain another. Anyone may add funds by a plain transfer; only the owner moves them.
contract Escrow {
    using SafeERC20 for IERC20;

    error AlreadyInitialized();
    error NotOwner();
    error NativeTransferFailed();
    // OpenZeppelin 5.0's Address errors, in the reference ABI (this build uses 5.7, which has
    // other names); declared so clients decoding with either ABI know them.
    error AddressEmptyCode(address target);
    error AddressInsufficientBalance(address account);
    error FailedInnerCall();

    /// @dev Set once, by whoever initializes the clone: the contract that created it, in the same
    /// transaction, so nobody can take it over in between.
    address internal owner;

    receive() external payable {}

    /// @dev A transfer with data (e.g. from a contract wallet) is a donation too.
    fallback() external payable {}

    function __Escrow_init() public payable {
        if (owner != address(0)) revert AlreadyInitialized();
        owner = msg.sender;
    }

    function transfer(IERC20 token, address to, uint256 amount) external {
        _ensureOwner();
        token.safeTransfer(to, amount);
    }

    function transferNative(address payable to, uint256 amount) external {
        _ensureOwner();
        (bool success,) = to.call{value: amount}("");
        if (!success) revert NativeTransferFailed();
    }

    function _ensureOwner() internal view {
        if (msg.sender != owner) revert NotOwner();
    }
}
