// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC165} from "@openzeppelin/contracts/utils/introspection/IERC165.sol";
import {IVotes} from "@openzeppelin/contracts/governance/utils/IVotes.sol";
import {IERC721} from "@openzeppelin/contracts/token/ERC721/IERC721.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {IDAO} from "./IDAO.sol";

/// @notice Majority voting over the OVC's voting power, with the events, options and math of
/// Aragon OSx's TokenVoting plugin (MajorityVotingBase) so the indexer reads either. Voting power
/// is the OVC's at the block before the proposal's creation: a token minted (or a delegation made)
/// afterwards does not count for that proposal. Not upgradeable: settings are constructor arguments
/// and change only by a DAO vote (`updateVotingSettings`).
contract TokenVoting is IERC165 {
    enum VotingMode {
        Standard,
        EarlyExecution,
        VoteReplacement
    }

    enum VoteOption {
        None,
        Abstain,
        Yes,
        No
    }

    /// @param supportThreshold Share of yes among yes+no that must be exceeded, in parts per million.
    /// @param minParticipation Share of all voting power that must vote (any option), in ppm.
    struct VotingSettings {
        VotingMode votingMode;
        uint32 supportThreshold;
        uint32 minParticipation;
        uint64 minDuration;
        uint256 minProposerVotingPower;
    }

    struct ProposalParameters {
        VotingMode votingMode;
        uint32 supportThreshold;
        uint64 startDate;
        uint64 endDate;
        uint64 snapshotBlock;
        uint256 minVotingPower;
    }

    struct Tally {
        uint256 abstain;
        uint256 yes;
        uint256 no;
    }

    struct Proposal {
        bool executed;
        ProposalParameters parameters;
        Tally tally;
        mapping(address voter => VoteOption) voters;
        IDAO.Action[] actions;
        uint256 allowFailureMap;
    }

    uint256 internal constant RATIO_BASE = 1_000_000;
    /// @notice Bounds of a proposal's minimum duration. Aragon's lower bound is an hour; ours is a
    /// minute so the devnet can vote in minutes.
    uint64 internal constant MIN_DURATION_LOWER_BOUND = 1 minutes;
    uint64 internal constant MIN_DURATION_UPPER_BOUND = 365 days;

    bytes32 public constant UPDATE_VOTING_SETTINGS_PERMISSION_ID = keccak256("UPDATE_VOTING_SETTINGS_PERMISSION");

    IDAO private immutable dao_;
    IVotes private immutable votingToken;
    VotingSettings private votingSettings;
    uint256 private proposalCounter;
    mapping(uint256 proposalId => Proposal) private proposals;

    event ProposalCreated(
        uint256 indexed proposalId,
        address indexed creator,
        uint64 startDate,
        uint64 endDate,
        bytes metadata,
        IDAO.Action[] actions,
        uint256 allowFailureMap
    );
    event VoteCast(uint256 indexed proposalId, address indexed voter, VoteOption voteOption, uint256 votingPower);
    /// @notice Not in Aragon's plugin: the reason a voter gave, emitted right after their VoteCast.
    event VoteReason(uint256 indexed proposalId, address indexed voter, string reason);
    event ProposalExecuted(uint256 indexed proposalId);
    event VotingSettingsUpdated(
        VotingMode votingMode,
        uint32 supportThreshold,
        uint32 minParticipation,
        uint64 minDuration,
        uint256 minProposerVotingPower
    );
    event MembershipContractAnnounced(address indexed definingContract);

    error DaoUnauthorized(address dao, address where, address who, bytes32 permissionId);
    error DateOutOfBounds(uint64 limit, uint64 actual);
    error MinDurationOutOfBounds(uint64 limit, uint64 actual);
    error NoVotingPower();
    error ProposalCreationForbidden(address sender);
    error ProposalExecutionForbidden(uint256 proposalId);
    error RatioOutOfBounds(uint256 limit, uint256 actual);
    error VoteCastForbidden(uint256 proposalId, address account, VoteOption voteOption);

    constructor(IDAO _dao, VotingSettings memory _votingSettings, IVotes _token) {
        dao_ = _dao;
        votingToken = _token;
        _updateVotingSettings(_votingSettings);
        emit MembershipContractAnnounced(address(_token));
    }

    // ---------------------------------------------------------------- proposals

    function createProposal(
        bytes calldata _metadata,
        IDAO.Action[] calldata _actions,
        uint256 _allowFailureMap,
        uint64 _startDate,
        uint64 _endDate,
        VoteOption _voteOption,
        bool _tryEarlyExecution
    ) external returns (uint256 proposalId) {
        uint256 snapshotBlock = block.number - 1;
        uint256 totalVotingPower_ = totalVotingPower(snapshotBlock);
        if (totalVotingPower_ == 0) revert NoVotingPower();

        uint256 minProposerVotingPower_ = votingSettings.minProposerVotingPower;
        if (
            minProposerVotingPower_ != 0 && votingToken.getVotes(msg.sender) < minProposerVotingPower_
                && IERC721(address(votingToken)).balanceOf(msg.sender) < minProposerVotingPower_
        ) revert ProposalCreationForbidden(msg.sender);

        (uint64 startDate, uint64 endDate) = _validateProposalDates(_startDate, _endDate);

        proposalId = proposalCounter++;
        Proposal storage proposal_ = proposals[proposalId];
        proposal_.parameters = ProposalParameters({
            votingMode: votingSettings.votingMode,
            supportThreshold: votingSettings.supportThreshold,
            startDate: startDate,
            endDate: endDate,
            snapshotBlock: uint64(snapshotBlock),
            minVotingPower: _applyRatioCeiled(totalVotingPower_, votingSettings.minParticipation)
        });
        proposal_.allowFailureMap = _allowFailureMap;
        for (uint256 i; i < _actions.length; ++i) {
            proposal_.actions.push(_actions[i]);
        }

        emit ProposalCreated(proposalId, msg.sender, startDate, endDate, _metadata, _actions, _allowFailureMap);

        if (_voteOption != VoteOption.None) _vote(proposalId, _voteOption, msg.sender, _tryEarlyExecution, "", false);
    }

    function vote(uint256 _proposalId, VoteOption _voteOption, bool _tryEarlyExecution) external {
        _vote(_proposalId, _voteOption, msg.sender, _tryEarlyExecution, "", false);
    }

    /// @notice `vote`, plus a reason that is emitted as VoteReason (not stored).
    function voteWithReason(uint256 _proposalId, VoteOption _voteOption, bool _tryEarlyExecution, string calldata _reason)
        external
    {
        _vote(_proposalId, _voteOption, msg.sender, _tryEarlyExecution, _reason, true);
    }

    function execute(uint256 _proposalId) external {
        if (!_canExecute(_proposalId)) revert ProposalExecutionForbidden(_proposalId);
        _execute(_proposalId);
    }

    function updateVotingSettings(VotingSettings calldata _votingSettings) external {
        if (msg.sender != address(dao_)) {
            revert DaoUnauthorized(address(dao_), address(this), msg.sender, UPDATE_VOTING_SETTINGS_PERMISSION_ID);
        }
        _updateVotingSettings(_votingSettings);
    }

    // ---------------------------------------------------------------- views

    function getProposal(uint256 _proposalId)
        external
        view
        returns (
            bool open,
            bool executed,
            ProposalParameters memory parameters,
            Tally memory tally,
            IDAO.Action[] memory actions,
            uint256 allowFailureMap
        )
    {
        Proposal storage proposal_ = proposals[_proposalId];
        open = _isProposalOpen(proposal_);
        executed = proposal_.executed;
        parameters = proposal_.parameters;
        tally = proposal_.tally;
        actions = proposal_.actions;
        allowFailureMap = proposal_.allowFailureMap;
    }

    function canVote(uint256 _proposalId, address _voter, VoteOption _voteOption) external view returns (bool) {
        return _canVote(_proposalId, _voter, _voteOption);
    }

    function canExecute(uint256 _proposalId) external view returns (bool) {
        return _canExecute(_proposalId);
    }

    function getVoteOption(uint256 _proposalId, address _voter) external view returns (VoteOption) {
        return proposals[_proposalId].voters[_voter];
    }

    /// @notice Yes exceeds the support threshold of yes+no.
    function isSupportThresholdReached(uint256 _proposalId) public view returns (bool) {
        Proposal storage proposal_ = proposals[_proposalId];
        return (RATIO_BASE - proposal_.parameters.supportThreshold) * proposal_.tally.yes
            > proposal_.parameters.supportThreshold * proposal_.tally.no;
    }

    /// @notice Yes exceeds the support threshold even if all the voting power not yet cast votes No.
    function isSupportThresholdReachedEarly(uint256 _proposalId) public view returns (bool) {
        Proposal storage proposal_ = proposals[_proposalId];
        uint256 noVotesWorstCase = totalVotingPower(proposal_.parameters.snapshotBlock) - proposal_.tally.yes
            - proposal_.tally.abstain;
        return (RATIO_BASE - proposal_.parameters.supportThreshold) * proposal_.tally.yes
            > proposal_.parameters.supportThreshold * noVotesWorstCase;
    }

    function isMinParticipationReached(uint256 _proposalId) public view returns (bool) {
        Proposal storage proposal_ = proposals[_proposalId];
        return proposal_.tally.yes + proposal_.tally.no + proposal_.tally.abstain >= proposal_.parameters.minVotingPower;
    }

    function totalVotingPower(uint256 _blockNumber) public view returns (uint256) {
        return votingToken.getPastTotalSupply(_blockNumber);
    }

    function isMember(address _account) external view returns (bool) {
        return votingToken.getVotes(_account) > 0 || IERC721(address(votingToken)).balanceOf(_account) > 0;
    }

    function dao() external view returns (address) {
        return address(dao_);
    }

    function getVotingToken() external view returns (address) {
        return address(votingToken);
    }

    function proposalCount() external view returns (uint256) {
        return proposalCounter;
    }

    function votingMode() external view returns (VotingMode) {
        return votingSettings.votingMode;
    }

    function supportThreshold() external view returns (uint32) {
        return votingSettings.supportThreshold;
    }

    function minParticipation() external view returns (uint32) {
        return votingSettings.minParticipation;
    }

    function minDuration() external view returns (uint64) {
        return votingSettings.minDuration;
    }

    function minProposerVotingPower() external view returns (uint256) {
        return votingSettings.minProposerVotingPower;
    }

    /// @notice Aragon's PluginType: 2 = Constructable (deployed with `new`, not a proxy).
    function pluginType() external pure returns (uint8) {
        return 2;
    }

    function supportsInterface(bytes4 _interfaceId) external pure returns (bool) {
        return _interfaceId == type(IERC165).interfaceId;
    }

    // ---------------------------------------------------------------- internals

    function _vote(
        uint256 _proposalId,
        VoteOption _voteOption,
        address _voter,
        bool _tryEarlyExecution,
        string memory _reason,
        bool _withReason
    ) internal {
        if (!_canVote(_proposalId, _voter, _voteOption)) revert VoteCastForbidden(_proposalId, _voter, _voteOption);
        Proposal storage proposal_ = proposals[_proposalId];
        uint256 votingPower = votingToken.getPastVotes(_voter, proposal_.parameters.snapshotBlock);

        // Only in VoteReplacement mode can there be an earlier vote to take back.
        VoteOption previous = proposal_.voters[_voter];
        if (previous == VoteOption.Yes) proposal_.tally.yes -= votingPower;
        else if (previous == VoteOption.No) proposal_.tally.no -= votingPower;
        else if (previous == VoteOption.Abstain) proposal_.tally.abstain -= votingPower;

        if (_voteOption == VoteOption.Yes) proposal_.tally.yes += votingPower;
        else if (_voteOption == VoteOption.No) proposal_.tally.no += votingPower;
        else proposal_.tally.abstain += votingPower;
        proposal_.voters[_voter] = _voteOption;

        emit VoteCast(_proposalId, _voter, _voteOption, votingPower);
        if (_withReason) emit VoteReason(_proposalId, _voter, _reason);

        if (_tryEarlyExecution && _canExecute(_proposalId)) _execute(_proposalId);
    }

    function _execute(uint256 _proposalId) internal {
        Proposal storage proposal_ = proposals[_proposalId];
        proposal_.executed = true;
        dao_.execute(bytes32(_proposalId), proposal_.actions, proposal_.allowFailureMap);
        emit ProposalExecuted(_proposalId);
    }

    function _canVote(uint256 _proposalId, address _account, VoteOption _voteOption) internal view returns (bool) {
        Proposal storage proposal_ = proposals[_proposalId];
        if (!_isProposalOpen(proposal_)) return false;
        if (_voteOption == VoteOption.None) return false;
        if (proposal_.parameters.votingMode != VotingMode.VoteReplacement) {
            if (proposal_.voters[_account] != VoteOption.None) return false;
        } else if (proposal_.voters[_account] == _voteOption) {
            return false;
        }
        return votingToken.getPastVotes(_account, proposal_.parameters.snapshotBlock) != 0;
    }

    function _canExecute(uint256 _proposalId) internal view returns (bool) {
        Proposal storage proposal_ = proposals[_proposalId];
        if (proposal_.executed) return false;
        if (_isProposalOpen(proposal_)) {
            if (proposal_.parameters.votingMode != VotingMode.EarlyExecution) return false;
            if (!isSupportThresholdReachedEarly(_proposalId)) return false;
        } else {
            // Before the start the tally is empty, so this is false too.
            if (!isSupportThresholdReached(_proposalId)) return false;
        }
        return isMinParticipationReached(_proposalId);
    }

    function _isProposalOpen(Proposal storage proposal_) internal view returns (bool) {
        uint64 now_ = uint64(block.timestamp);
        return !proposal_.executed && proposal_.parameters.startDate <= now_ && now_ < proposal_.parameters.endDate;
    }

    function _validateProposalDates(uint64 _start, uint64 _end) internal view returns (uint64 startDate, uint64 endDate) {
        uint64 now_ = uint64(block.timestamp);
        if (_start == 0) {
            startDate = now_;
        } else {
            startDate = _start;
            if (startDate < now_) revert DateOutOfBounds(now_, startDate);
        }
        uint64 earliestEndDate = startDate + votingSettings.minDuration;
        if (_end == 0) {
            endDate = earliestEndDate;
        } else {
            endDate = _end;
            if (endDate < earliestEndDate) revert DateOutOfBounds(earliestEndDate, endDate);
        }
    }

    function _updateVotingSettings(VotingSettings memory _settings) internal {
        if (_settings.supportThreshold > RATIO_BASE - 1) {
            revert RatioOutOfBounds(RATIO_BASE - 1, _settings.supportThreshold);
        }
        if (_settings.minParticipation > RATIO_BASE) revert RatioOutOfBounds(RATIO_BASE, _settings.minParticipation);
        if (_settings.minDuration < MIN_DURATION_LOWER_BOUND) {
            revert MinDurationOutOfBounds(MIN_DURATION_LOWER_BOUND, _settings.minDuration);
        }
        if (_settings.minDuration > MIN_DURATION_UPPER_BOUND) {
            revert MinDurationOutOfBounds(MIN_DURATION_UPPER_BOUND, _settings.minDuration);
        }
        votingSettings = _settings;
        emit VotingSettingsUpdated(
            _settings.votingMode,
            _settings.supportThreshold,
            _settings.minParticipation,
            _settings.minDuration,
            _settings.minProposerVotingPower
        );
    }

    /// @dev ceil(_value * _ratio / RATIO_BASE)
    function _applyRatioCeiled(uint256 _value, uint256 _ratio) internal pure returns (uint256) {
        return Math.mulDiv(_value, _ratio, RATIO_BASE, Math.Rounding.Ceil);
    }
}
