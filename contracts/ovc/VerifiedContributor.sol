// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC721} from "@openzeppelin/contracts/token/ERC721/ERC721.sol";
import {ERC721Votes} from "@openzeppelin/contracts/token/ERC721/extensions/ERC721Votes.sol";
import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {Strings} from "@openzeppelin/contracts/utils/Strings.sol";
import {OpenmeshAdminOwned} from "../common/OpenmeshAdmin.sol";

/// @notice Openmesh Verified Contributor (OVC): a soulbound ERC-721 whose holders are the Openmesh
/// DAO's members. One token = one vote once its holder delegates (to themselves, usually).
/// Minting and burning are roles (the DAO holds both); a holder may also burn their own token.
/// The deployer gets the admin role (on Openmesh's chain: the Openmesh admin account).
contract VerifiedContributor is ERC721Votes, AccessControl, OpenmeshAdminOwned {
    bytes32 public constant MINT_ROLE = keccak256("MINT");
    bytes32 public constant BURN_ROLE = keccak256("BURN");
    bytes32 public constant METADATA_ROLE = keccak256("METADATA");

    /// @notice The metadata URL of a token is this prefix followed by its id.
    string private metadataUri = "https://erc721.openmesh.network/metadata/ovc/";

    error NotTransferable();

    constructor() ERC721("Openmesh Verified Contributor", "OVC") EIP712("Openmesh Verified Contributor", "1") {
        _grantRole(DEFAULT_ADMIN_ROLE, msg.sender);
    }

    function mint(address to, uint256 tokenId) external onlyRole(MINT_ROLE) {
        _mint(to, tokenId);
    }

    function burn(uint256 tokenId) external {
        if (msg.sender != _ownerOf(tokenId)) _checkRole(BURN_ROLE);
        _burn(tokenId);
    }

    function updateMetadata(string calldata _metadataUri) external onlyRole(METADATA_ROLE) {
        metadataUri = _metadataUri;
    }

    function tokenURI(uint256 tokenId) public view override returns (string memory) {
        _requireOwned(tokenId);
        return string.concat(metadataUri, Strings.toString(tokenId));
    }

    /// @dev Soulbound: every transfer entry point ends here (safeTransferFrom calls it too).
    function transferFrom(address, address, uint256) public pure override {
        revert NotTransferable();
    }

    /// @dev Belt and braces: only mint (from 0) and burn (to 0) may move a token.
    function _update(address to, uint256 tokenId, address auth) internal override returns (address from) {
        from = super._update(to, tokenId, auth);
        if (from != address(0) && to != address(0)) revert NotTransferable();
    }

    function supportsInterface(bytes4 _interfaceId) public view override(ERC721, AccessControl) returns (bool) {
        return super.supportsInterface(_interfaceId);
    }
}
