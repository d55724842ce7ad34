// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Action, IExecutor} from "../common/Action.sol";

/// @notice The functions of Aragon OSx's IDAO, so `type(IDAO).interfaceId` is the id wallets and
/// Aragon's tools ask `supportsInterface` about.
interface IDAO is IExecutor {
    function hasPermission(address _where, address _who, bytes32 _permissionId, bytes memory _data)
        external
        view
        returns (bool);
    function setMetadata(bytes calldata _metadata) external;
    function deposit(address _token, uint256 _amount, string calldata _reference) external payable;
    function setTrustedForwarder(address _trustedForwarder) external;
    function getTrustedForwarder() external view returns (address);
    function isValidSignature(bytes32 _hash, bytes memory _signature) external view returns (bytes4);
    function registerStandardCallback(bytes4 _interfaceId, bytes4 _callbackSelector, bytes4 _magicNumber) external;
    function setSignatureValidator(address) external;
}
