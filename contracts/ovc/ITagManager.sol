// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @notice What TagVoting and TagTrustlessManagement read from the tag manager.
interface ITagManager {
    /// @notice Whether `account` still owns its default token and that token has `tag`.
    function hasTag(address account, bytes32 tag) external view returns (bool);

    /// @notice How many tokens have `tag` now.
    function totalTagHavers(bytes32 tag) external view returns (uint256);
}
