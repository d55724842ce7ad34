// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC1967} from "@openzeppelin/contracts/interfaces/IERC1967.sol";
import {IERC1822Proxiable} from "@openzeppelin/contracts/interfaces/draft-IERC1822.sol";
import {StorageSlot} from "@openzeppelin/contracts/utils/StorageSlot.sol";

/// @notice UUPS upgrades as Aragon OSx's DAO and plugins expose them: `upgradeTo`,
/// `upgradeToAndCall` and `proxiableUUID`, failing with reason strings like OpenZeppelin 4.
/// OpenZeppelin 5's UUPSUpgradeable drops `upgradeTo` and adds custom errors that are not in
/// Aragon's ABI, which is why this small copy of the mechanism exists.
abstract contract UUPSUpgradeable is IERC1967 {
    /// @dev The ERC-1967 implementation slot: bytes32(uint256(keccak256("eip1967.proxy.implementation")) - 1).
    bytes32 internal constant IMPLEMENTATION_SLOT = 0x360894a13ba1a3210667c828492db98dca3e2076cc3735a920a3ca505d382bbc;

    address private immutable self = address(this);

    modifier onlyProxy() {
        require(address(this) != self, "Function must be called through delegatecall");
        require(_getImplementation() == self, "Function must be called through active proxy");
        _;
    }

    modifier notDelegated() {
        require(address(this) == self, "UUPSUpgradeable: must not be called through delegatecall");
        _;
    }

    function proxiableUUID() external view notDelegated returns (bytes32) {
        return IMPLEMENTATION_SLOT;
    }

    function upgradeTo(address newImplementation) external onlyProxy {
        _authorizeUpgrade(newImplementation);
        _upgradeToAndCall(newImplementation, "");
    }

    function upgradeToAndCall(address newImplementation, bytes memory data) external payable onlyProxy {
        _authorizeUpgrade(newImplementation);
        _upgradeToAndCall(newImplementation, data);
    }

    /// @dev Reverts unless the caller may upgrade (each contract checks its own permission).
    function _authorizeUpgrade(address newImplementation) internal virtual;

    function _getImplementation() internal view returns (address) {
        return StorageSlot.getAddressSlot(IMPLEMENTATION_SLOT).value;
    }

    function _upgradeToAndCall(address newImplementation, bytes memory data) private {
        // A new implementation must itself be UUPS, or the proxy could never be upgraded again.
        try IERC1822Proxiable(newImplementation).proxiableUUID() returns (bytes32 slot) {
            require(slot == IMPLEMENTATION_SLOT, "ERC1967Upgrade: unsupported proxiableUUID");
        } catch {
            revert("ERC1967Upgrade: new implementation is not UUPS");
        }
        StorageSlot.getAddressSlot(IMPLEMENTATION_SLOT).value = newImplementation;
        emit Upgraded(newImplementation);
        if (data.length > 0) {
            (bool success, bytes memory returndata) = newImplementation.delegatecall(data);
            if (!success) {
                assembly {
                    revert(add(returndata, 32), mload(returndata))
                }
            }
        }
    }
}
