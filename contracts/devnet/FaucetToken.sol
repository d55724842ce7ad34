// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/// @notice An ERC-20 for budgets with a faucet that exists only where the deployer enabled it
/// (the local devnet); on any other chain `faucet` reverts.
abstract contract FaucetToken is ERC20 {
    bool public immutable faucetEnabled;

    error FaucetDisabled();

    constructor(address _initialHolder, uint256 _initialSupply, bool _faucetEnabled) {
        faucetEnabled = _faucetEnabled;
        if (_initialSupply != 0) _mint(_initialHolder, _initialSupply);
    }

    /// @notice 1,000 whole tokens per call.
    function FAUCET_AMOUNT() public view returns (uint256) {
        return 1_000 * 10 ** decimals();
    }

    function faucet(address _to) external {
        if (!faucetEnabled) revert FaucetDisabled();
        _mint(_to, FAUCET_AMOUNT());
    }
}
