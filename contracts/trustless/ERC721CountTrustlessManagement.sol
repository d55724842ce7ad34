// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC721} from "@openzeppelin/contracts/token/ERC721/IERC721.sol";
import {TrustlessManagement} from "./TrustlessManagement.sol";

/// @notice TrustlessManagement whose role is a minimum balance of one ERC-721 collection: role `n`
/// is held by every account owning at least `n` tokens (role 1: every OVC holder).
contract ERC721CountTrustlessManagement is TrustlessManagement {
    IERC721 private immutable collection;

    constructor(IERC721 _collection) {
        collection = _collection;
    }

    function hasRole(address _account, uint256 _minTokens) public view returns (bool) {
        return _hasRole(_account, _minTokens);
    }

    function _hasRole(address _account, uint256 _role) internal view override returns (bool) {
        return collection.balanceOf(_account) >= _role;
    }
}
