// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC1967Proxy} from "@openzeppelin/contracts/proxy/ERC1967/ERC1967Proxy.sol";

/// @notice The ERC-1967 proxy Aragon OSx puts in front of every DAO and plugin: deployed with the
/// implementation and the `initialize` call, so nobody can initialize it in between.
contract OsxProxy is ERC1967Proxy {
    constructor(address _implementation, bytes memory _initData) payable ERC1967Proxy(_implementation, _initData) {}
}
