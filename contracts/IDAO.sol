// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @notice What a plugin needs from the DAO: run a list of calls in the DAO's name. Same shape as
/// Aragon OSx's IDAO, so the proposals' and actions' `(to, value, data)[]` decode identically.
interface IDAO {
    struct Action {
        address to;
        uint256 value;
        bytes data;
    }

    /// @param _callId An id the caller chooses to tell its executions apart (e.g. the proposal id).
    /// @param _allowFailureMap Bit i set: action i may fail without reverting the whole execution.
    /// @return execResults What each call returned.
    /// @return failureMap Bit i set: action i failed (only possible where allowed).
    function execute(bytes32 _callId, Action[] calldata _actions, uint256 _allowFailureMap)
        external
        returns (bytes[] memory execResults, uint256 failureMap);
}
