// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Clones} from "@openzeppelin/contracts/proxy/Clones.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {OPENMESH_ADMIN, OpenmeshAdminOwned} from "../common/OpenmeshAdmin.sol";
import {IRFPs} from "./IRFPs.sol";
import {ITasks} from "./ITasks.sol";
import {RFPEscrow} from "./RFPEscrow.sol";

/// @notice Requests for proposals on OpenR&D (see IRFPs). Each RFP's funds sit in its own
/// RFPEscrow clone; accepting a project makes that escrow create the task, with the project's
/// metadata and deadline, the RFP's task and dispute managers, and the representative preapproved.
/// RFPs are stored as `getRFP` returns them; their `budget` holds only the tokens, since the
/// escrow may be topped up at any time, so amounts are its balances.
contract RFPs is IRFPs, ReentrancyGuardTransient, OpenmeshAdminOwned {
    using SafeERC20 for IERC20;

    ITasks public immutable tasks;
    address public immutable escrowImplementation;

    uint256 private rfpCounter;
    mapping(uint256 rfpId => OffChainRFP) private rfps;

    constructor(ITasks _tasks) {
        tasks = _tasks;
        RFPEscrow implementation = new RFPEscrow();
        // Owned by this contract, so nobody else can initialize the implementation itself.
        implementation.__Escrow_init();
        escrowImplementation = address(implementation);
    }

    /// @notice Funds sent here by mistake; only the Openmesh admin can `rescue` them.
    receive() external payable {}

    function rfpCount() external view returns (uint256) {
        return rfpCounter;
    }

    function getRFP(uint256 _rfpId) public view returns (OffChainRFP memory offchainRFP) {
        return _getRFP(_rfpId);
    }

    function getRFPs(uint256[] calldata _rfpIds) external view returns (OffChainRFP[] memory) {
        OffChainRFP[] memory offchainRFPs = new OffChainRFP[](_rfpIds.length);
        for (uint256 i; i < _rfpIds.length; ++i) {
            offchainRFPs[i] = getRFP(_rfpIds[i]);
        }
        return offchainRFPs;
    }

    function createRFP(
        string calldata _metadata,
        uint64 _deadline,
        ITasks.ERC20Transfer[] calldata _budget,
        address _tasksManager,
        address _disputeManager,
        address _manager
    ) external payable nonReentrant returns (uint256 rfpId) {
        if (_budget.length > type(uint8).max) revert Overflow();
        rfpId = rfpCounter++;
        OffChainRFP storage rfp = rfps[rfpId];
        rfp.metadata = _metadata;
        rfp.deadline = _deadline;
        rfp.creator = msg.sender;
        rfp.tasksManager = _tasksManager;
        rfp.disputeManager = _disputeManager;
        rfp.manager = _manager;

        RFPEscrow escrow = RFPEscrow(payable(Clones.clone(escrowImplementation)));
        rfp.escrow = escrow;
        escrow.__RFPEscrow_init{value: msg.value}(tasks, _budget);
        for (uint256 i; i < _budget.length; ++i) {
            _budget[i].tokenContract.safeTransferFrom(msg.sender, address(escrow), _budget[i].amount);
            rfp.budget.push(address(_budget[i].tokenContract));
        }
        emit RFPCreated(
            rfpId, _metadata, _deadline, msg.value, _budget, msg.sender, _tasksManager, _disputeManager, _manager, escrow
        );
    }

    function submitProject(
        uint256 _rfpId,
        string calldata _metadata,
        uint64 _deadline,
        ITasks.NativeReward[] calldata _nativeReward,
        ITasks.Reward[] calldata _reward
    ) external returns (uint32 projectId) {
        OffChainRFP storage rfp = _getRFP(_rfpId);
        if (rfp.deadline <= block.timestamp) revert RFPClosed();
        if (_reward.length != 0 && !_reward[_reward.length - 1].nextToken) revert RewardDoesntEndWithNextToken();
        if (_nativeReward.length > type(uint8).max || _reward.length > type(uint8).max) revert Overflow();
        if (rfp.projects.length >= type(uint32).max) revert Overflow();

        projectId = uint32(rfp.projects.length);
        OffchainProject storage project = rfp.projects.push();
        project.metadata = _metadata;
        project.representative = msg.sender;
        project.deadline = _deadline;
        for (uint256 i; i < _nativeReward.length; ++i) {
            project.nativeReward.push(_nativeReward[i]);
        }
        for (uint256 i; i < _reward.length; ++i) {
            project.reward.push(_reward[i]);
        }
        emit ProjectSubmitted(_rfpId, projectId, _metadata, msg.sender, _deadline, _nativeReward, _reward);
    }

    function acceptProject(uint256 _rfpId, uint32 _projectId, uint96[] calldata _nativeReward, uint88[] calldata _reward)
        external
        nonReentrant
    {
        OffChainRFP storage rfp = _getRFP(_rfpId);
        if (msg.sender != rfp.manager) revert NotManager();
        if (_projectId >= rfp.projects.length) revert ProjectDoesNotExist();
        OffchainProject storage project = rfp.projects[_projectId];
        if (project.accepted) revert ProjectAlreadyAccepted();
        project.accepted = true;

        (ITasks.NativeReward[] memory nativeReward, uint96 nativeBudget) = _grantNative(project, _nativeReward);
        (ITasks.Reward[] memory reward, ITasks.ERC20Transfer[] memory budget) = _grant(rfp, project, _reward);
        ITasks.PreapprovedApplication[] memory preapproved = new ITasks.PreapprovedApplication[](1);
        preapproved[0] = ITasks.PreapprovedApplication(project.representative, nativeReward, reward);

        uint256 taskId = rfp.escrow.createTask(
            tasks,
            project.metadata,
            project.deadline,
            rfp.tasksManager,
            rfp.disputeManager,
            nativeBudget,
            budget,
            preapproved
        );
        emit ProjectAccepted(_rfpId, _projectId, _nativeReward, _reward, taskId);
    }

    function emptyRFP(uint256 _rfpId) external nonReentrant {
        OffChainRFP storage rfp = _getRFP(_rfpId);
        if (msg.sender != rfp.manager) revert NotManager();
        RFPEscrow escrow = rfp.escrow;
        escrow.transferNative(payable(rfp.creator), address(escrow).balance);
        for (uint256 i; i < rfp.budget.length; ++i) {
            IERC20 token = IERC20(rfp.budget[i]);
            escrow.transfer(token, rfp.creator, token.balanceOf(address(escrow)));
        }
        emit RFPEmptied(_rfpId);
    }

    /// @notice Returns ERC-20 tokens sent to this contract itself (never an RFP's budget, which
    /// lives in its escrow). Only the Openmesh admin.
    function rescue(IERC20 token, address to, uint256 amount) external {
        if (msg.sender != OPENMESH_ADMIN) revert NotManager();
        token.safeTransfer(to, amount);
    }

    function rescueNative(address payable to, uint256 amount) external {
        if (msg.sender != OPENMESH_ADMIN) revert NotManager();
        (bool success,) = to.call{value: amount}("");
        if (!success) revert NativeTransferFailed();
    }

    function _getRFP(uint256 _rfpId) private view returns (OffChainRFP storage) {
        if (_rfpId >= rfpCounter) revert RFPDoesNotExist();
        return rfps[_rfpId];
    }

    /// @dev The project's native reward entries with the granted amounts, and their sum.
    function _grantNative(OffchainProject storage project, uint96[] calldata _amounts)
        private
        view
        returns (ITasks.NativeReward[] memory nativeReward, uint96 total)
    {
        nativeReward = new ITasks.NativeReward[](project.nativeReward.length);
        for (uint256 i; i < nativeReward.length; ++i) {
            nativeReward[i] = ITasks.NativeReward(project.nativeReward[i].to, _amounts[i]);
            total += _amounts[i];
        }
    }

    /// @dev The project's ERC-20 reward entries with the granted amounts, and per budget token
    /// (in order; `nextToken` closes a token's entries) the sum the task's budget needs.
    function _grant(OffChainRFP storage rfp, OffchainProject storage project, uint88[] calldata _amounts)
        private
        view
        returns (ITasks.Reward[] memory reward, ITasks.ERC20Transfer[] memory budget)
    {
        reward = new ITasks.Reward[](project.reward.length);
        budget = new ITasks.ERC20Transfer[](rfp.budget.length);
        uint256 j;
        for (uint256 i; i < budget.length; ++i) {
            uint96 needed;
            while (j < reward.length) {
                ITasks.Reward storage entry = project.reward[j];
                reward[j] = ITasks.Reward(entry.nextToken, entry.to, _amounts[j]);
                needed += _amounts[j];
                ++j;
                if (entry.nextToken) break;
            }
            budget[i] = ITasks.ERC20Transfer(IERC20(rfp.budget[i]), needed);
        }
        // Entries beyond the RFP's tokens are left for Tasks to refuse (RewardAboveBudget).
        for (; j < reward.length; ++j) {
            reward[j] = ITasks.Reward(project.reward[j].nextToken, project.reward[j].to, _amounts[j]);
        }
    }
}
