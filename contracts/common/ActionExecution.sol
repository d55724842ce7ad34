// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Action} from "./Action.sol";

/// @notice What a DAO (or a smart account's trustless execution) announces after running actions
/// for `actor`, with the failure map and what each call returned.
event Executed(
    address indexed actor,
    bytes32 callId,
    Action[] actions,
    uint256 allowFailureMap,
    uint256 failureMap,
    bytes[] execResults
);

/// @notice How a DAO (and a smart account's trustless execution) runs a list of actions: in order,
/// each a plain call with its value, at most 256 (one failure-map bit each).
library ActionExecution {
    uint256 internal constant MAX_ACTIONS = 256;

    error TooManyActions();
    error ActionFailed(uint256 index);
    error InsufficientGas();

    /// @dev A failure may be allowed by `_allowFailureMap`, but not one caused by starving the call
    /// of gas: if the failing call was left with less than 1/64 of its gas, everything reverts.
    function run(Action[] calldata _actions, uint256 _allowFailureMap)
        internal
        returns (bytes[] memory execResults, uint256 failureMap)
    {
        if (_actions.length > MAX_ACTIONS) revert TooManyActions();
        execResults = new bytes[](_actions.length);
        for (uint256 i; i < _actions.length; ++i) {
            uint256 gasBefore = gasleft();
            (bool success, bytes memory result) = _actions[i].to.call{value: _actions[i].value}(_actions[i].data);
            uint256 gasAfter = gasleft();
            if (!success) {
                if (_allowFailureMap & (1 << i) == 0) revert ActionFailed(i);
                if (gasAfter < gasBefore / 64) revert InsufficientGas();
                failureMap |= 1 << i;
            }
            execResults[i] = result;
        }
    }
}
