// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ITagManager} from "../ovc/ITagManager.sol";
import {TrustlessManagement} from "./TrustlessManagement.sol";

/// @notice TrustlessManagement whose role is a tag: role `uint256(tag)` is held by every account
/// the tag manager says has that tag (a department's members).
contract TagTrustlessManagement is TrustlessManagement {
    ITagManager private immutable tagManager;

    constructor(ITagManager _tagManager) {
        tagManager = _tagManager;
    }

    function hasRole(address _account, uint256 _tag) public view returns (bool) {
        return _hasRole(_account, _tag);
    }

    function _hasRole(address _account, uint256 _role) internal view override returns (bool) {
        return tagManager.hasTag(_account, bytes32(_role));
    }
}
