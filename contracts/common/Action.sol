// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @notice One call made in the name of a DAO (or smart account): Aragon OSx's `IDAO.Action`.
/// Proposals, trustless actions and `execute` all carry lists of these, so one struct keeps their
/// `(address,uint256,bytes)[]` encodings identical everywhere.
struct Action {
    address to;
    uint256 value;
    bytes data;
}

/// @notice Anything that runs a list of actions in its own name: an Aragon DAO, or a smart account
/// with the trustless-execution module. TrustlessManagement and the voting plugins only need this.
interface IExecutor {
    /// @param _callId Chosen by the caller to tell its executions apart (a proposal id, or
    /// keccak256("TRUSTLESS_MANAGEMENT")).
    /// @param _allowFailureMap Bit i set: action i may fail without reverting the whole list.
    /// @return execResults What each call returned.
    /// @return failureMap Bit i set: action i failed (only where allowed).
    function execute(bytes32 _callId, Action[] calldata _actions, uint256 _allowFailureMap)
        external
        returns (bytes[] memory execResults, uint256 failureMap);
}
