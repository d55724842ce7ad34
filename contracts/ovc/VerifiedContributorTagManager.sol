// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC721} from "@openzeppelin/contracts/token/ERC721/IERC721.sol";
import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {OpenmeshAdminOwned} from "../common/OpenmeshAdmin.sol";
import {ITagManager} from "./ITagManager.sol";

/// @notice Tags on OVC tokens (a department's members have its tag). Adding or removing a tag
/// needs the role of the same id as the tag (each department's smart account holds its own).
/// An account has a tag through its default token: the first of its tokens to be tagged, or
/// the one it chose with `setId`, and only while it still owns that token.
contract VerifiedContributorTagManager is AccessControl, OpenmeshAdminOwned, ITagManager {
    struct DefaultId {
        bool set;
        uint256 tokenId;
    }

    IERC721 private immutable collection;
    mapping(bytes32 tag => mapping(uint256 tokenId => bool)) private tagged;
    mapping(bytes32 tag => uint256) private tagHavers;
    mapping(address account => DefaultId) private defaultIds;

    event TagAdded(uint256 tokenId, bytes32 tag);
    event TagRemoved(uint256 tokenId, bytes32 tag);

    error AlreadyTagged(uint256 tokenId, bytes32 tag);
    error NotTagged(uint256 tokenId, bytes32 tag);
    error TokenNotBurned(uint256 tokenId);

    constructor(IERC721 _collection, address _admin) {
        collection = _collection;
        _grantRole(DEFAULT_ADMIN_ROLE, _admin);
    }

    /// @inheritdoc ITagManager
    function hasTag(address account, bytes32 tag) external view returns (bool) {
        DefaultId storage id = defaultIds[account];
        return id.set && tagged[tag][id.tokenId] && _ownerOf(id.tokenId) == account;
    }

    function tokenHasTag(uint256 tokenId, bytes32 tag) external view returns (bool) {
        return tagged[tag][tokenId];
    }

    /// @inheritdoc ITagManager
    function totalTagHavers(bytes32 tag) external view returns (uint256) {
        return tagHavers[tag];
    }

    /// @notice Tags `tokenId` (which must exist); its owner's first tagged token becomes its default.
    function addTag(uint256 tokenId, bytes32 tag) external onlyRole(tag) {
        if (tagged[tag][tokenId]) revert AlreadyTagged(tokenId, tag);
        address tokenOwner = collection.ownerOf(tokenId);
        tagged[tag][tokenId] = true;
        ++tagHavers[tag];
        if (!defaultIds[tokenOwner].set) defaultIds[tokenOwner] = DefaultId(true, tokenId);
        emit TagAdded(tokenId, tag);
    }

    function removeTag(uint256 tokenId, bytes32 tag) external onlyRole(tag) {
        _removeTag(tokenId, tag);
    }

    /// @notice Anyone may clear the tags of a burned token, so it stops counting as a holder.
    function removeTagFromBurnedToken(uint256 tokenId, bytes32 tag) external {
        if (_ownerOf(tokenId) != address(0)) revert TokenNotBurned(tokenId);
        _removeTag(tokenId, tag);
    }

    /// @notice Makes `tokenId` the caller's default token. Not checked against ownership here:
    /// `hasTag` only counts a default the account still owns.
    function setId(uint256 tokenId) external {
        defaultIds[msg.sender] = DefaultId(true, tokenId);
    }

    /// @notice Lets the admin of `role` hand its administration to `adminRole` (e.g. a new tag run
    /// by another tag's holders).
    function setRoleAdmin(bytes32 role, bytes32 adminRole) external onlyRole(getRoleAdmin(role)) {
        _setRoleAdmin(role, adminRole);
    }

    function _removeTag(uint256 tokenId, bytes32 tag) private {
        if (!tagged[tag][tokenId]) revert NotTagged(tokenId, tag);
        tagged[tag][tokenId] = false;
        --tagHavers[tag];
        emit TagRemoved(tokenId, tag);
    }

    /// @dev The owner of `tokenId`, or address(0) if it does not exist (burned or never minted).
    function _ownerOf(uint256 tokenId) private view returns (address) {
        try collection.ownerOf(tokenId) returns (address tokenOwner) {
            return tokenOwner;
        } catch {
            return address(0);
        }
    }
}
