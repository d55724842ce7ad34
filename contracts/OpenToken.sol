// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/// @notice OPEN, the ERC-20 used for task budgets. The faucet exists only where the deployer
/// enabled it (the local devnet); on any other chain `faucet` reverts.
contract OpenToken is ERC20 {
    /// @notice What one faucet call mints: 1,000 OPEN.
    uint256 public constant FAUCET_AMOUNT = 1_000 ether;

    bool public immutable faucetEnabled;

    error FaucetDisabled();

    constructor(address _initialHolder, uint256 _initialSupply, bool _faucetEnabled) ERC20("Openmesh", "OPEN") {
        faucetEnabled = _faucetEnabled;
        if (_initialSupply != 0) _mint(_initialHolder, _initialSupply);
    }

    function faucet(address _to) external {
        if (!faucetEnabled) revert FaucetDisabled();
        _mint(_to, FAUCET_AMOUNT);
    }
}
