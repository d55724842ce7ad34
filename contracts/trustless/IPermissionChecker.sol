// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Action} from "../common/Action.sol";

/// @notice A permission given to a contract rather than switched on: TrustlessManagement asks it
/// whether `_role` may perform `_action` (e.g. "only transfers below 1,000 OPEN").
interface IPermissionChecker {
    function checkPermission(uint256 _role, Action calldata _action) external view returns (bool);
}
