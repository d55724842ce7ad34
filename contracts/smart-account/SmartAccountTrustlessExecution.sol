// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Action, IExecutor} from "../common/Action.sol";
import {ActionExecution, Executed} from "../common/ActionExecution.sol";
import {SmartAccountStorage} from "./SmartAccountStorage.sol";

/// @notice A smart-account module that gives the account Aragon's `execute`, for the accounts the
/// owner allowed (TrustlessManagement contracts), so they can act as the account within the
/// permissions they keep. Deployed once; each account runs it by delegatecall. The owner installs
/// it with `performDelegateCall(module, install(executors))`.
contract SmartAccountTrustlessExecution is IExecutor {
    address private immutable module = address(this);

    event ModuleSet(bytes4 functionSelector, address module);
    event ExecutePermissionSet(address account, bool allowed);

    error NoExecutePermission(address account);
    error OnlyInSmartAccount();

    /// @dev Install and permission changes only run inside an account, where only its owner can
    /// reach them (through performDelegateCall); called on the module itself they would be moot.
    modifier onlyDelegated() {
        if (address(this) == module) revert OnlyInSmartAccount();
        _;
    }

    /// @notice Registers `execute` on the account and lets each of `_executors` call it.
    function install(address[] calldata _executors) external onlyDelegated {
        SmartAccountStorage.layout().modules[IExecutor.execute.selector] = module;
        emit ModuleSet(IExecutor.execute.selector, module);
        for (uint256 i; i < _executors.length; ++i) {
            _setExecutePermission(_executors[i], true);
        }
    }

    function setExecutePermission(address _account, bool _allowed) external onlyDelegated {
        _setExecutePermission(_account, _allowed);
    }

    /// @inheritdoc IExecutor
    function execute(bytes32 _callId, Action[] calldata _actions, uint256 _allowFailureMap)
        external
        returns (bytes[] memory execResults, uint256 failureMap)
    {
        if (!SmartAccountStorage.layout().mayExecute[msg.sender]) revert NoExecutePermission(msg.sender);
        (execResults, failureMap) = ActionExecution.run(_actions, _allowFailureMap);
        emit Executed(msg.sender, _callId, _actions, _allowFailureMap, failureMap, execResults);
    }

    function _setExecutePermission(address _account, bool _allowed) private {
        SmartAccountStorage.layout().mayExecute[_account] = _allowed;
        emit ExecutePermissionSet(_account, _allowed);
    }
}
