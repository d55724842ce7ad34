// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @notice The state of a smart account, in one namespaced slot so the account and the modules it
/// runs by delegatecall read and write the same storage without layout clashes.
library SmartAccountStorage {
    /// @custom:storage-location erc7201:openmesh.portal.SmartAccount
    struct Layout {
        address owner;
        mapping(bytes4 functionSelector => address module) modules;
        mapping(bytes4 interfaceId => bool) interfaces;
        mapping(address account => bool) mayExecute;
    }

    // keccak256(abi.encode(uint256(keccak256("openmesh.portal.SmartAccount")) - 1)) & ~bytes32(uint256(0xff))
    bytes32 private constant SLOT = 0xbf196e10bdc6efcc0be0d372000a8efeb9b34c4169b8117e37aed082b5ef1200;

    function layout() internal pure returns (Layout storage $) {
        assembly {
            $.slot := SLOT
        }
    }
}
