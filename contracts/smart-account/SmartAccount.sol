// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC165} from "@openzeppelin/contracts/utils/introspection/IERC165.sol";
import {SmartAccountStorage} from "./SmartAccountStorage.sol";

/// @notice What a department smart account is called through; its interface id is registered.
interface ISmartAccount {
    function performCall(address to, uint256 value, bytes calldata data) external returns (bytes memory returnValue);
    function performDelegateCall(address to, bytes calldata data) external returns (bytes memory returnValue);
    function multicall(bytes[] calldata data) external returns (bytes[] memory results);
}

/// @notice An account owned by a DAO (a department's), with the interface of Openmesh's
/// SmartAccountBase: the owner makes it call anything (`performCall`) or run code in its context
/// (`performDelegateCall`, used to install modules). Calls to other functions go to the module
/// registered for their selector, e.g. `execute` of SmartAccountTrustlessExecution, through which
/// TrustlessManagement contracts act as the account. It is a task's dispute manager and the
/// "DAO" of its department's optimistic actions, so it holds funds: it accepts plain transfers.
contract SmartAccount is IERC165, ISmartAccount {
    event NewOwner(address account);
    event ModuleSet(bytes4 functionSelector, address module);
    event InterfaceSupportedChanged(bytes4 indexed interfaceId, bool supported);

    error NotOwner(address account, address owner);
    error FunctionNotFound(bytes4 functionSelector);

    constructor(address _owner) {
        SmartAccountStorage.Layout storage $ = SmartAccountStorage.layout();
        $.owner = _owner;
        emit NewOwner(_owner);
        _setInterfaceSupport(type(IERC165).interfaceId);
        _setInterfaceSupport(type(ISmartAccount).interfaceId);
    }

    modifier onlyOwner() {
        address owner_ = SmartAccountStorage.layout().owner;
        if (msg.sender != owner_) revert NotOwner(msg.sender, owner_);
        _;
    }

    /// @dev A plain call, so the account can also pay accounts without code.
    function performCall(address to, uint256 value, bytes calldata data)
        external
        onlyOwner
        returns (bytes memory returnValue)
    {
        bool success;
        (success, returnValue) = to.call{value: value}(data);
        if (!success) _bubble(returnValue);
    }

    function performDelegateCall(address to, bytes calldata data)
        external
        onlyOwner
        returns (bytes memory returnValue)
    {
        bool success;
        (success, returnValue) = to.delegatecall(data);
        if (!success) _bubble(returnValue);
    }

    /// @notice Several calls to this account in one transaction; each checks its own caller.
    function multicall(bytes[] calldata data) external returns (bytes[] memory results) {
        results = new bytes[](data.length);
        for (uint256 i; i < data.length; ++i) {
            (bool success, bytes memory result) = address(this).delegatecall(data[i]);
            if (!success) _bubble(result);
            results[i] = result;
        }
    }

    function owner() external view returns (address) {
        return SmartAccountStorage.layout().owner;
    }

    function getModule(bytes4 functionSelector) external view returns (address module) {
        return SmartAccountStorage.layout().modules[functionSelector];
    }

    function supportsInterface(bytes4 interfaceId) external view returns (bool) {
        return SmartAccountStorage.layout().interfaces[interfaceId];
    }

    /// @notice Funds arrive as plain transfers (dispute fees, task refunds, budgets).
    receive() external payable {}

    /// @notice Any other function is the registered module's, run in this account's context.
    fallback() external payable {
        address module = SmartAccountStorage.layout().modules[msg.sig];
        if (module == address(0)) revert FunctionNotFound(msg.sig);
        assembly {
            calldatacopy(0, 0, calldatasize())
            let success := delegatecall(gas(), module, 0, calldatasize(), 0, 0)
            returndatacopy(0, 0, returndatasize())
            if iszero(success) { revert(0, returndatasize()) }
            return(0, returndatasize())
        }
    }

    function _setInterfaceSupport(bytes4 _interfaceId) private {
        SmartAccountStorage.layout().interfaces[_interfaceId] = true;
        emit InterfaceSupportedChanged(_interfaceId, true);
    }

    function _bubble(bytes memory _revertData) private pure {
        assembly {
            revert(add(_revertData, 32), mload(_revertData))
        }
    }
}
