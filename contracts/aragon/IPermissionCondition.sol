// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @notice A condition attached to a DAO permission: asked on each use whether it holds.
interface IPermissionCondition {
    function isGranted(address _where, address _who, bytes32 _permissionId, bytes calldata _data)
        external
        view
        returns (bool isPermitted);
}
