// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {TrustlessManagement} from "./TrustlessManagement.sol";

/// @notice TrustlessManagement whose role is one address: role `uint160(account)` is held by
/// `account` alone. Contracts get roles this way (OptimisticActions, TaskDisputes …).
contract AddressTrustlessManagement is TrustlessManagement {
    function hasRole(address _account, uint256 _address) public pure returns (bool) {
        return _hasRole(_account, _address);
    }

    function _hasRole(address _account, uint256 _role) internal pure override returns (bool) {
        return uint256(uint160(_account)) == _role;
    }
}
