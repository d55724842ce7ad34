// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @notice A fee per DAO for creating an action in its name (e.g. a dispute), paid to the DAO.
/// Each DAO sets its own fee; what it costs keeps frivolous requests away.
abstract contract PaidAction {
    mapping(address dao => uint256 cost) private costs;

    error Underpaying();
    error TransferToDAOFailed();

    function getCost(address _dao) external view returns (uint256 cost) {
        return costs[_dao];
    }

    /// @notice Sets the fee of the calling DAO.
    function updateCost(uint256 _cost) external {
        costs[msg.sender] = _cost;
    }

    /// @dev Everything sent (at least the fee) goes to the DAO.
    function _ensurePaid(address _dao) internal {
        if (msg.value < costs[_dao]) revert Underpaying();
        if (msg.value == 0) return;
        (bool success,) = _dao.call{value: msg.value}("");
        if (!success) revert TransferToDAOFailed();
    }
}
