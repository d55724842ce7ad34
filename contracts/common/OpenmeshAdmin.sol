// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

// Openmesh's admin account, the owner its contracts name for their ENS reverse record.
address constant OPENMESH_ADMIN = 0xfF7e49aC5D00CbaaD0BF02165Fea31C0A411930e;

/// @notice `owner()` as Openmesh's deployed contracts answer it: a fixed address, used only to
/// claim the contract's ENS reverse name. It grants no rights in these contracts.
abstract contract OpenmeshAdminOwned {
    function owner() external pure returns (address) {
        return OPENMESH_ADMIN;
    }
}
