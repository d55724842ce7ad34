// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {FaucetToken} from "./FaucetToken.sol";

/// @notice OPEN, the devnet's 18-decimal budget token (like Openmesh's OPEN on Sepolia).
contract OpenToken is FaucetToken {
    constructor(address _initialHolder, uint256 _initialSupply, bool _faucetEnabled)
        ERC20("Openmesh", "OPEN")
        FaucetToken(_initialHolder, _initialSupply, _faucetEnabled)
    {}
}
