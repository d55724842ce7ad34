// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IVotes} from "@openzeppelin/contracts/governance/utils/IVotes.sol";
import {IERC721} from "@openzeppelin/contracts/token/ERC721/IERC721.sol";
import {Action} from "../common/Action.sol";
import {IDAO} from "./IDAO.sol";
import {MajorityVotingBase} from "./MajorityVotingBase.sol";

/// @notice Aragon OSx TokenVoting (1.3 interface) over a votes token, here the OVC: voting power is
/// the delegated power at the block before the proposal's creation, so a token minted or a
/// delegation made afterwards does not count for that proposal.
contract TokenVoting is MajorityVotingBase {
    IVotes private votingToken;

    error NoVotingPower();

    function initialize(IDAO _dao, VotingSettings calldata _votingSettings, IVotes _token) external initializer {
        __MajorityVotingBase_init(_dao, _votingSettings);
        votingToken = _token;
        emit MembershipContractAnnounced(address(_token));
    }

    function getVotingToken() external view returns (address) {
        return address(votingToken);
    }

    function totalVotingPower(uint256 _blockNumber) public view override returns (uint256) {
        return votingToken.getPastTotalSupply(_blockNumber);
    }

    /// @notice Holders may propose with their balance even before delegating (as in Aragon 1.3).
    function createProposal(
        bytes calldata _metadata,
        Action[] calldata _actions,
        uint256 _allowFailureMap,
        uint64 _startDate,
        uint64 _endDate,
        VoteOption _voteOption,
        bool _tryEarlyExecution
    ) external override returns (uint256 proposalId) {
        uint256 minPower = minProposerVotingPower();
        if (minPower != 0 && votingToken.getVotes(msg.sender) < minPower && _balanceOf(msg.sender) < minPower) {
            revert ProposalCreationForbidden(msg.sender);
        }
        // The snapshot is a mined block, so nothing later in this block can change the census.
        uint64 snapshotBlock = uint64(block.number - 1);
        uint256 totalPower = totalVotingPower(snapshotBlock);
        if (totalPower == 0) revert NoVotingPower();
        proposalId =
            _createProposal(_metadata, _actions, _allowFailureMap, _startDate, _endDate, snapshotBlock, totalPower);
        if (_voteOption != VoteOption.None) vote(proposalId, _voteOption, _tryEarlyExecution);
    }

    function isMember(address _account) external view override returns (bool) {
        return votingToken.getVotes(_account) > 0 || _balanceOf(_account) > 0;
    }

    function _vote(uint256 _proposalId, VoteOption _voteOption, address _voter, bool _tryEarlyExecution)
        internal
        override
    {
        uint256 power = votingToken.getPastVotes(_voter, proposals[_proposalId].parameters.snapshotBlock);
        _recordVote(_proposalId, _voteOption, _voter, power);
        if (_tryEarlyExecution && _canExecute(_proposalId)) _execute(_proposalId);
    }

    function _canVote(uint256 _proposalId, address _account, VoteOption _voteOption)
        internal
        view
        override
        returns (bool)
    {
        Proposal storage proposal_ = proposals[_proposalId];
        return _isVotable(proposal_, _account, _voteOption)
            && votingToken.getPastVotes(_account, proposal_.parameters.snapshotBlock) != 0;
    }

    /// @dev The votes token is an ERC-721 here; its balance is the holder's token count.
    function _balanceOf(address _account) private view returns (uint256) {
        return IERC721(address(votingToken)).balanceOf(_account);
    }
}
