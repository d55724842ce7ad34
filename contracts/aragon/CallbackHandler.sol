// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @notice Answers standard callbacks (e.g. `onERC721Received`) reaching the DAO's fallback with
/// the magic number registered for them, so the DAO can receive safe NFT transfers.
abstract contract CallbackHandler {
    bytes4 internal constant UNREGISTERED_CALLBACK = bytes4(0);

    mapping(bytes4 callbackSelector => bytes4 magicNumber) private callbackMagicNumbers;

    event CallbackReceived(address sender, bytes4 indexed sig, bytes data);

    error UnkownCallback(bytes4 callbackSelector, bytes4 magicNumber);

    function _handleCallback(bytes4 _callbackSelector, bytes memory _data) internal returns (bytes4) {
        bytes4 magicNumber = callbackMagicNumbers[_callbackSelector];
        if (magicNumber == UNREGISTERED_CALLBACK) revert UnkownCallback(_callbackSelector, magicNumber);
        emit CallbackReceived(msg.sender, _callbackSelector, _data);
        return magicNumber;
    }

    function _registerCallback(bytes4 _callbackSelector, bytes4 _magicNumber) internal {
        callbackMagicNumbers[_callbackSelector] = _magicNumber;
    }
}
