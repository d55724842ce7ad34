// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {FaucetToken} from "./FaucetToken.sol";

/// @notice A stand-in for USDC on the devnet: 6 decimals, like the USDC the Openmesh DAO holds on
/// Polygon, so amounts and prices with decimals other than 18 are exercised.
contract DevnetUSDC is FaucetToken {
    constructor(address _initialHolder, uint256 _initialSupply, bool _faucetEnabled)
        ERC20("USD Coin (devnet)", "USDC")
        FaucetToken(_initialHolder, _initialSupply, _faucetEnabled)
    {}

    function decimals() public pure override returns (uint8) {
        return 6;
    }
}
