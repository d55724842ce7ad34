// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @notice Never deployed: the indexer runs this code through eth_call with a state override, to
/// read many balances at one block in a single call. Compiled by indexer/reads/build-balance-reader.ts.
contract BalanceReader {
    /// @return out For each i, `holders[i]`'s balance of `tokens[i]` (address(0): the native
    /// currency); type(uint256).max when the token's balanceOf failed.
    function balances(address[] calldata holders, address[] calldata tokens) external view returns (uint256[] memory out) {
        out = new uint256[](holders.length);
        for (uint256 i; i < holders.length; ++i) {
            if (tokens[i] == address(0)) {
                out[i] = holders[i].balance;
                continue;
            }
            (bool ok, bytes memory ret) = tokens[i].staticcall(abi.encodeWithSelector(0x70a08231, holders[i]));
            out[i] = ok && ret.length >= 32 ? abi.decode(ret, (uint256)) : type(uint256).max;
        }
    }
}
