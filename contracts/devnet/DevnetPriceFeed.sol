// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";

/// @notice A Chainlink price feed for the devnet: the AggregatorV3Interface reads (decimals,
/// description, version, latestRoundData, getRoundData) over answers its owner sets, one round
/// each, with Chainlink's AnswerUpdated/NewRound events. Code that reads USD values from Chainlink
/// feeds reads these the same way.
contract DevnetPriceFeed is Ownable {
    struct Round {
        int256 answer;
        uint64 startedAt;
        uint64 updatedAt;
    }

    uint8 public immutable decimals;
    string public description;
    uint256 public constant version = 4;

    uint80 private latestRound;
    mapping(uint80 roundId => Round) private rounds;

    event AnswerUpdated(int256 indexed current, uint256 indexed roundId, uint256 updatedAt);
    event NewRound(uint256 indexed roundId, address indexed startedBy, uint256 startedAt);

    /// @param _decimals of the answers (Chainlink's USD feeds use 8).
    constructor(address _owner, uint8 _decimals, string memory _description, int256 _initialAnswer) Ownable(_owner) {
        decimals = _decimals;
        description = _description;
        _setAnswer(_initialAnswer);
    }

    /// @notice Starts a new round with `_answer` as the price.
    function setAnswer(int256 _answer) external onlyOwner {
        _setAnswer(_answer);
    }

    function latestRoundData()
        external
        view
        returns (uint80 roundId, int256 answer, uint256 startedAt, uint256 updatedAt, uint80 answeredInRound)
    {
        return getRoundData(latestRound);
    }

    /// @dev Like Chainlink's aggregators, an unknown round reverts with "No data present".
    function getRoundData(uint80 _roundId)
        public
        view
        returns (uint80 roundId, int256 answer, uint256 startedAt, uint256 updatedAt, uint80 answeredInRound)
    {
        Round storage round = rounds[_roundId];
        require(round.updatedAt != 0, "No data present");
        return (_roundId, round.answer, round.startedAt, round.updatedAt, _roundId);
    }

    function _setAnswer(int256 _answer) private {
        uint80 roundId = ++latestRound;
        rounds[roundId] = Round(_answer, uint64(block.timestamp), uint64(block.timestamp));
        emit NewRound(roundId, msg.sender, block.timestamp);
        emit AnswerUpdated(_answer, roundId, block.timestamp);
    }
}
