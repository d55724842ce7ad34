// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {Action} from "../common/Action.sol";
import {IDAO} from "./IDAO.sol";
import {PluginUUPSUpgradeable} from "./PluginUUPSUpgradeable.sol";

/// @notice Aragon OSx majority voting: a proposal passes when yes exceeds the support threshold of
/// yes+no and enough of the voting power took part; in EarlyExecution mode it may run as soon as
/// the outcome cannot change. Ratios are parts per million. What a vote weighs and who may vote
/// is up to the concrete plugin (TokenVoting: OVC voting power; TagVoting: one per tag holder).
abstract contract MajorityVotingBase is PluginUUPSUpgradeable {
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
        Action[] actions;
        uint256 allowFailureMap;
    }

    uint256 internal constant RATIO_BASE = 1_000_000;
    /// @notice A proposal's shortest allowed duration. Aragon's bound is an hour; it is a minute here
    /// so the devnet can hold votes of a few minutes.
    uint64 internal constant MIN_DURATION_LOWER_BOUND = 1 minutes;
    uint64 internal constant MIN_DURATION_UPPER_BOUND = 365 days;

    bytes32 public constant UPDATE_VOTING_SETTINGS_PERMISSION_ID = keccak256("UPDATE_VOTING_SETTINGS_PERMISSION");

    VotingSettings private votingSettings;
    uint256 private proposalCounter;
    mapping(uint256 proposalId => Proposal) internal proposals;

    event ProposalCreated(
        uint256 indexed proposalId,
        address indexed creator,
        uint64 startDate,
        uint64 endDate,
        bytes metadata,
        Action[] actions,
        uint256 allowFailureMap
    );
    event ProposalExecuted(uint256 indexed proposalId);
    event VoteCast(uint256 indexed proposalId, address indexed voter, VoteOption voteOption, uint256 votingPower);
    event VotingSettingsUpdated(
        VotingMode votingMode,
        uint32 supportThreshold,
        uint32 minParticipation,
        uint64 minDuration,
        uint256 minProposerVotingPower
    );
    // Aragon's IMembership events; membership here is derived (token or tag), never listed.
    event MembersAdded(address[] members);
    event MembersRemoved(address[] members);
    event MembershipContractAnnounced(address indexed definingContract);

    error DateOutOfBounds(uint64 limit, uint64 actual);
    error MinDurationOutOfBounds(uint64 limit, uint64 actual);
    error ProposalCreationForbidden(address sender);
    error ProposalExecutionForbidden(uint256 proposalId);
    error RatioOutOfBounds(uint256 limit, uint256 actual);
    error VoteCastForbidden(uint256 proposalId, address account, VoteOption voteOption);

    /// @param _metadata By convention the UTF-8 bytes of `ipfs://<cid>` of a `{title, summary}` document.
    /// @param _startDate 0: now. @param _endDate 0: start + minimum duration.
    function createProposal(
        bytes calldata _metadata,
        Action[] calldata _actions,
        uint256 _allowFailureMap,
        uint64 _startDate,
        uint64 _endDate,
        VoteOption _voteOption,
        bool _tryEarlyExecution
    ) external virtual returns (uint256 proposalId);

    function totalVotingPower(uint256 _blockNumber) public view virtual returns (uint256);

    function isMember(address _account) external view virtual returns (bool);

    function vote(uint256 _proposalId, VoteOption _voteOption, bool _tryEarlyExecution) public {
        if (!_canVote(_proposalId, msg.sender, _voteOption)) {
            revert VoteCastForbidden(_proposalId, msg.sender, _voteOption);
        }
        _vote(_proposalId, _voteOption, msg.sender, _tryEarlyExecution);
    }

    function execute(uint256 _proposalId) external {
        if (!_canExecute(_proposalId)) revert ProposalExecutionForbidden(_proposalId);
        _execute(_proposalId);
    }

    function updateVotingSettings(VotingSettings calldata _votingSettings)
        external
        auth(UPDATE_VOTING_SETTINGS_PERMISSION_ID)
    {
        _updateVotingSettings(_votingSettings);
    }

    function getProposal(uint256 _proposalId)
        external
        view
        returns (
            bool open,
            bool executed,
            ProposalParameters memory parameters,
            Tally memory tally,
            Action[] memory actions,
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

    /// @notice Yes exceeds the support threshold even if all voting power not yet cast votes No.
    function isSupportThresholdReachedEarly(uint256 _proposalId) public view returns (bool) {
        Proposal storage proposal_ = proposals[_proposalId];
        uint256 cast = proposal_.tally.yes + proposal_.tally.abstain;
        uint256 total = totalVotingPower(proposal_.parameters.snapshotBlock);
        // A live total (TagVoting) may fall below the votes already cast; nobody is left to vote No.
        uint256 noVotesWorstCase = total > cast ? total - cast : 0;
        return (RATIO_BASE - proposal_.parameters.supportThreshold) * proposal_.tally.yes
            > proposal_.parameters.supportThreshold * noVotesWorstCase;
    }

    function isMinParticipationReached(uint256 _proposalId) public view returns (bool) {
        Proposal storage proposal_ = proposals[_proposalId];
        return proposal_.tally.yes + proposal_.tally.no + proposal_.tally.abstain
            >= proposal_.parameters.minVotingPower;
    }

    function proposalCount() external view returns (uint256) {
        return proposalCounter;
    }

    function votingMode() public view returns (VotingMode) {
        return votingSettings.votingMode;
    }

    function supportThreshold() public view returns (uint32) {
        return votingSettings.supportThreshold;
    }

    function minParticipation() public view returns (uint32) {
        return votingSettings.minParticipation;
    }

    function minDuration() public view returns (uint64) {
        return votingSettings.minDuration;
    }

    function minProposerVotingPower() public view returns (uint256) {
        return votingSettings.minProposerVotingPower;
    }

    /// @dev Besides ERC-165 itself, the id of the three calls every majority-voting client makes.
    function supportsInterface(bytes4 _interfaceId) public view virtual override returns (bool) {
        return _interfaceId == this.createProposal.selector ^ this.vote.selector ^ this.execute.selector
            || super.supportsInterface(_interfaceId);
    }

    function __MajorityVotingBase_init(IDAO _dao, VotingSettings calldata _votingSettings)
        internal
        onlyInitializing
    {
        __PluginUUPSUpgradeable_init(_dao);
        _updateVotingSettings(_votingSettings);
    }

    /// @dev Records a vote the caller may cast (checked by `_canVote`), then tries early execution.
    function _vote(uint256 _proposalId, VoteOption _voteOption, address _voter, bool _tryEarlyExecution)
        internal
        virtual;

    function _canVote(uint256 _proposalId, address _account, VoteOption _voteOption)
        internal
        view
        virtual
        returns (bool);

    /// @dev Stores a new proposal whose dates were validated, with the current settings; the
    /// caller's snapshot block and total voting power make its minimum participation.
    function _createProposal(
        bytes calldata _metadata,
        Action[] calldata _actions,
        uint256 _allowFailureMap,
        uint64 _startDate,
        uint64 _endDate,
        uint64 _snapshotBlock,
        uint256 _totalVotingPower
    ) internal returns (uint256 proposalId) {
        proposalId = proposalCounter++;
        Proposal storage proposal_ = proposals[proposalId];
        (proposal_.parameters.startDate, proposal_.parameters.endDate) = _validateProposalDates(_startDate, _endDate);
        proposal_.parameters.votingMode = votingSettings.votingMode;
        proposal_.parameters.supportThreshold = votingSettings.supportThreshold;
        proposal_.parameters.snapshotBlock = _snapshotBlock;
        proposal_.parameters.minVotingPower =
            Math.mulDiv(_totalVotingPower, votingSettings.minParticipation, RATIO_BASE, Math.Rounding.Ceil);
        proposal_.allowFailureMap = _allowFailureMap;
        for (uint256 i; i < _actions.length; ++i) {
            proposal_.actions.push(_actions[i]);
        }
        _announce(proposalId, _metadata, _actions, _allowFailureMap);
    }

    /// @dev Its own function only to keep `_createProposal` within the stack limit.
    function _announce(uint256 _proposalId, bytes calldata _metadata, Action[] calldata _actions, uint256 _allowFailureMap)
        private
    {
        ProposalParameters storage parameters = proposals[_proposalId].parameters;
        emit ProposalCreated(
            _proposalId, msg.sender, parameters.startDate, parameters.endDate, _metadata, _actions, _allowFailureMap
        );
    }

    /// @dev Moves `_voter`'s weight from its previous option (if any) to `_voteOption`.
    function _recordVote(uint256 _proposalId, VoteOption _voteOption, address _voter, uint256 _weight) internal {
        Proposal storage proposal_ = proposals[_proposalId];
        VoteOption previous = proposal_.voters[_voter];
        if (previous == VoteOption.Yes) proposal_.tally.yes -= _weight;
        else if (previous == VoteOption.No) proposal_.tally.no -= _weight;
        else if (previous == VoteOption.Abstain) proposal_.tally.abstain -= _weight;

        if (_voteOption == VoteOption.Yes) proposal_.tally.yes += _weight;
        else if (_voteOption == VoteOption.No) proposal_.tally.no += _weight;
        else proposal_.tally.abstain += _weight;
        proposal_.voters[_voter] = _voteOption;
        emit VoteCast(_proposalId, _voter, _voteOption, _weight);
    }

    function _execute(uint256 _proposalId) internal {
        Proposal storage proposal_ = proposals[_proposalId];
        proposal_.executed = true;
        _daoExecutor().execute(bytes32(_proposalId), proposal_.actions, proposal_.allowFailureMap);
        emit ProposalExecuted(_proposalId);
    }

    /// @dev Open, a real option, and no earlier vote unless votes may be replaced.
    function _isVotable(Proposal storage proposal_, address _account, VoteOption _voteOption)
        internal
        view
        returns (bool)
    {
        if (!_isProposalOpen(proposal_) || _voteOption == VoteOption.None) return false;
        return proposal_.voters[_account] == VoteOption.None
            || proposal_.parameters.votingMode == VotingMode.VoteReplacement;
    }

    function _canExecute(uint256 _proposalId) internal view returns (bool) {
        Proposal storage proposal_ = proposals[_proposalId];
        if (proposal_.executed) return false;
        if (_isProposalOpen(proposal_)) {
            if (proposal_.parameters.votingMode != VotingMode.EarlyExecution) return false;
            if (!isSupportThresholdReachedEarly(_proposalId)) return false;
        } else if (!isSupportThresholdReached(_proposalId)) {
            // Before its start a proposal's tally is empty, so this also covers "not started".
            return false;
        }
        return isMinParticipationReached(_proposalId);
    }

    function _isProposalOpen(Proposal storage proposal_) internal view returns (bool) {
        uint64 now_ = uint64(block.timestamp);
        return !proposal_.executed && proposal_.parameters.startDate <= now_ && now_ < proposal_.parameters.endDate;
    }

    function _validateProposalDates(uint64 _start, uint64 _end)
        internal
        view
        returns (uint64 startDate, uint64 endDate)
    {
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

    function _updateVotingSettings(VotingSettings calldata _settings) internal {
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
}
