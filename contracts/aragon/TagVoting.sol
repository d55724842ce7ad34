// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Action} from "../common/Action.sol";
import {ITagManager} from "../ovc/ITagManager.sol";
import {IDAO} from "./IDAO.sol";
import {MajorityVotingBase} from "./MajorityVotingBase.sol";

/// @notice Majority voting of a department: the holders of one tag vote, one vote per address, and
/// a holder may propose. The total voting power is the tag's holder count at the moment it is read
/// (tags have no history), so early execution gets harder if holders leave during a vote.
contract TagVoting is MajorityVotingBase {
    ITagManager public tagManager;
    bytes32 public tag;

    function initialize(IDAO _dao, VotingSettings calldata _votingSettings, ITagManager _tagManager, bytes32 _tag)
        external
        initializer
    {
        __MajorityVotingBase_init(_dao, _votingSettings);
        tagManager = _tagManager;
        tag = _tag;
    }

    function protocolVersion() external pure returns (uint8[3] memory) {
        return [1, 4, 0];
    }

    /// @dev `_blockNumber` is ignored: the count is live.
    function totalVotingPower(uint256 _blockNumber) public view override returns (uint256) {
        _blockNumber;
        return tagManager.totalTagHavers(tag);
    }

    function createProposal(
        bytes calldata _metadata,
        Action[] calldata _actions,
        uint256 _allowFailureMap,
        uint64 _startDate,
        uint64 _endDate,
        VoteOption _voteOption,
        bool _tryEarlyExecution
    ) external override returns (uint256 proposalId) {
        if (minProposerVotingPower() != 0 && !_hasTag(msg.sender)) revert ProposalCreationForbidden(msg.sender);
        uint64 snapshotBlock = uint64(block.number - 1);
        proposalId = _createProposal(
            _metadata, _actions, _allowFailureMap, _startDate, _endDate, snapshotBlock, totalVotingPower(snapshotBlock)
        );
        if (_voteOption != VoteOption.None) vote(proposalId, _voteOption, _tryEarlyExecution);
    }

    function isMember(address _account) external view override returns (bool) {
        return _hasTag(_account);
    }

    function _vote(uint256 _proposalId, VoteOption _voteOption, address _voter, bool _tryEarlyExecution)
        internal
        override
    {
        _recordVote(_proposalId, _voteOption, _voter, 1);
        if (_tryEarlyExecution && _canExecute(_proposalId)) _execute(_proposalId);
    }

    function _canVote(uint256 _proposalId, address _account, VoteOption _voteOption)
        internal
        view
        override
        returns (bool)
    {
        return _isVotable(proposals[_proposalId], _account, _voteOption) && _hasTag(_account);
    }

    function _hasTag(address _account) private view returns (bool) {
        return tagManager.hasTag(_account, tag);
    }
}
