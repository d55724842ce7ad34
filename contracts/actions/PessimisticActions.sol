// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {TrustlessActions} from "./TrustlessActions.sol";

/// @notice Trustless actions that run only when the DAO itself approves them by calling
/// `executeAction` (through a vote). Contracts such as TaskDisputes queue actions here in a DAO's
/// name without being able to run them.
contract PessimisticActions is TrustlessActions {
    error SenderNotDAO();

    function _ensureExecutable(address _dao, uint32) internal view override {
        if (msg.sender != _dao) revert SenderNotDAO();
    }
}
