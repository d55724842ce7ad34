// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Action, IExecutor} from "../common/Action.sol";

/// @notice Runs actions as a DAO for someone who holds a role there. Trustless actions
/// (optimistic, pessimistic) store the manager and role that will run their actions later.
interface IDAOManager {
    /// @notice Has `_dao` perform `_actions` (it is their `msg.sender`), if the caller holds `_role`
    /// and `_role` may do each of the actions on `_dao`.
    function asDAO(IExecutor _dao, uint256 _role, Action[] calldata _actions, uint256 _failureMap)
        external
        returns (bytes[] memory returnValues, uint256 failureMap);
}
