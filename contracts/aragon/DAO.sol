// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {IERC165} from "@openzeppelin/contracts/utils/introspection/IERC165.sol";
import {IERC1271} from "@openzeppelin/contracts/interfaces/IERC1271.sol";
import {IERC721Receiver} from "@openzeppelin/contracts/token/ERC721/IERC721Receiver.sol";
import {IERC1155Receiver} from "@openzeppelin/contracts/token/ERC1155/IERC1155Receiver.sol";
import {TransientSlot} from "@openzeppelin/contracts/utils/TransientSlot.sol";
import {Action} from "../common/Action.sol";
import {ActionExecution, Executed} from "../common/ActionExecution.sol";
import {CallbackHandler} from "./CallbackHandler.sol";
import {IDAO} from "./IDAO.sol";
import {Initializable} from "./Initializable.sol";
import {PermissionManager} from "./PermissionManager.sol";
import {UUPSUpgradeable} from "./UUPSUpgradeable.sol";

/// @notice An Aragon OSx 1.4 DAO: it holds the treasury and acts only through permissions
/// (EXECUTE for its governance plugin and TrustlessManagement contracts, ROOT for itself).
/// Deployed behind an ERC-1967 proxy (OsxProxy) and set up by `initialize`.
contract DAO is IERC165, IERC1271, IDAO, Initializable, PermissionManager, CallbackHandler, UUPSUpgradeable {
    using SafeERC20 for IERC20;
    using TransientSlot for *;

    bytes32 public constant EXECUTE_PERMISSION_ID = keccak256("EXECUTE_PERMISSION");
    bytes32 public constant UPGRADE_DAO_PERMISSION_ID = keccak256("UPGRADE_DAO_PERMISSION");
    bytes32 public constant SET_METADATA_PERMISSION_ID = keccak256("SET_METADATA_PERMISSION");
    bytes32 public constant SET_TRUSTED_FORWARDER_PERMISSION_ID = keccak256("SET_TRUSTED_FORWARDER_PERMISSION");
    bytes32 public constant REGISTER_STANDARD_CALLBACK_PERMISSION_ID =
        keccak256("REGISTER_STANDARD_CALLBACK_PERMISSION");
    bytes32 public constant VALIDATE_SIGNATURE_PERMISSION_ID = keccak256("VALIDATE_SIGNATURE_PERMISSION");

    // keccak256(abi.encode(uint256(keccak256("openmesh.portal.DAO.reentrancy")) - 1)) & ~bytes32(uint256(0xff))
    bytes32 private constant REENTRANCY_SLOT = 0x1dc43f0e0ae3425ca03d9a50d1ae6d5e516d5c7de503f35ea8989a5c4b5e3000;

    address private trustedForwarder;
    string private _daoURI;
    mapping(bytes4 interfaceId => bool) private supportedInterfaces;

    event MetadataSet(bytes metadata);
    event StandardCallbackRegistered(bytes4 interfaceId, bytes4 callbackSelector, bytes4 magicNumber);
    event Deposited(address indexed sender, address indexed token, uint256 amount, string _reference);
    event NativeTokenDeposited(address sender, uint256 amount);
    event TrustedForwarderSet(address forwarder);
    event NewURI(string daoURI);

    error ReentrantCall();
    error ZeroAmount();
    error NativeTokenDepositAmountMismatch(uint256 expected, uint256 actual);
    error ProtocolVersionUpgradeNotSupported(uint8[3] protocolVersion);
    error FunctionRemoved();

    modifier nonReentrant() {
        if (REENTRANCY_SLOT.asBoolean().tload()) revert ReentrantCall();
        REENTRANCY_SLOT.asBoolean().tstore(true);
        _;
        REENTRANCY_SLOT.asBoolean().tstore(false);
    }

    constructor() {
        _disableInitializers();
    }

    /// @notice Sets up a new DAO: `_initialOwner` gets ROOT (in practice the setup contract, which
    /// grants the plugins their permissions and then gives ROOT to the DAO itself).
    function initialize(
        bytes calldata _metadata,
        address _initialOwner,
        address _trustedForwarder,
        string calldata daoURI_
    ) external reinitializer(3) {
        supportedInterfaces[type(IDAO).interfaceId] = true;
        supportedInterfaces[type(IERC1271).interfaceId] = true;
        supportedInterfaces[this.daoURI.selector] = true; // EIP-4824's interface is its one function
        supportedInterfaces[this.protocolVersion.selector] = true;
        _registerStandardCallback(
            type(IERC721Receiver).interfaceId,
            IERC721Receiver.onERC721Received.selector,
            IERC721Receiver.onERC721Received.selector
        );
        _registerStandardCallback(
            type(IERC1155Receiver).interfaceId,
            IERC1155Receiver.onERC1155Received.selector,
            IERC1155Receiver.onERC1155Received.selector
        );
        _registerStandardCallback(
            type(IERC1155Receiver).interfaceId,
            IERC1155Receiver.onERC1155BatchReceived.selector,
            IERC1155Receiver.onERC1155BatchReceived.selector
        );
        _setMetadata(_metadata);
        _setTrustedForwarder(_trustedForwarder);
        _setDaoURI(daoURI_);
        _grant(address(this), _initialOwner, ROOT_PERMISSION_ID);
    }

    /// @notice Aragon's upgrade hook from an older protocol version. This DAO was never deployed at
    /// an older version, so only 1.0–1.3 are accepted and there is nothing to migrate.
    function initializeFrom(uint8[3] calldata _previousProtocolVersion, bytes calldata _initData)
        external
        reinitializer(3)
    {
        _initData;
        if (_previousProtocolVersion[0] != 1 || _previousProtocolVersion[1] >= 4) {
            revert ProtocolVersionUpgradeNotSupported(_previousProtocolVersion);
        }
    }

    function protocolVersion() external pure returns (uint8[3] memory) {
        return [1, 4, 0];
    }

    /// @inheritdoc IDAO
    function hasPermission(address _where, address _who, bytes32 _permissionId, bytes memory _data)
        external
        view
        returns (bool)
    {
        return isGranted(_where, _who, _permissionId, _data);
    }

    /// @notice Runs `_actions` in the DAO's name, for a holder of EXECUTE_PERMISSION.
    function execute(bytes32 _callId, Action[] calldata _actions, uint256 _allowFailureMap)
        external
        nonReentrant
        auth(EXECUTE_PERMISSION_ID)
        returns (bytes[] memory execResults, uint256 failureMap)
    {
        (execResults, failureMap) = ActionExecution.run(_actions, _allowFailureMap);
        emit Executed(msg.sender, _callId, _actions, _allowFailureMap, failureMap, execResults);
    }

    /// @notice Pays `_amount` of `_token` (address(0): the native currency) into the treasury.
    function deposit(address _token, uint256 _amount, string calldata _reference) external payable {
        if (_amount == 0) revert ZeroAmount();
        if (_token == address(0)) {
            if (msg.value != _amount) revert NativeTokenDepositAmountMismatch(_amount, msg.value);
        } else {
            if (msg.value != 0) revert NativeTokenDepositAmountMismatch(0, msg.value);
            IERC20(_token).safeTransferFrom(msg.sender, address(this), _amount);
        }
        emit Deposited(msg.sender, _token, _amount, _reference);
    }

    /// @notice Announces new metadata (by convention the UTF-8 bytes of `ipfs://<cid>`); not stored.
    function setMetadata(bytes calldata _metadata) external auth(SET_METADATA_PERMISSION_ID) {
        _setMetadata(_metadata);
    }

    function daoURI() external view returns (string memory) {
        return _daoURI;
    }

    function setDaoURI(string calldata newDaoURI) external auth(SET_METADATA_PERMISSION_ID) {
        _setDaoURI(newDaoURI);
    }

    function getTrustedForwarder() external view returns (address) {
        return trustedForwarder;
    }

    function setTrustedForwarder(address _newTrustedForwarder) external auth(SET_TRUSTED_FORWARDER_PERMISSION_ID) {
        _setTrustedForwarder(_newTrustedForwarder);
    }

    /// @notice ERC-1271: the DAO approves a signature when the caller holds VALIDATE_SIGNATURE
    /// (usually with a condition that checks the signature).
    function isValidSignature(bytes32 _hash, bytes memory _signature)
        external
        view
        override(IDAO, IERC1271)
        returns (bytes4)
    {
        if (isGranted(address(this), msg.sender, VALIDATE_SIGNATURE_PERMISSION_ID, abi.encode(_hash, _signature))) {
            return IERC1271.isValidSignature.selector;
        }
        return 0xffffffff;
    }

    /// @notice Removed in OSx 1.3 in favour of VALIDATE_SIGNATURE_PERMISSION; kept so old callers
    /// get a clear error.
    function setSignatureValidator(address) external pure {
        revert FunctionRemoved();
    }

    function registerStandardCallback(bytes4 _interfaceId, bytes4 _callbackSelector, bytes4 _magicNumber)
        external
        auth(REGISTER_STANDARD_CALLBACK_PERMISSION_ID)
    {
        _registerStandardCallback(_interfaceId, _callbackSelector, _magicNumber);
    }

    function supportsInterface(bytes4 interfaceId) external view returns (bool) {
        return interfaceId == type(IERC165).interfaceId || supportedInterfaces[interfaceId];
    }

    receive() external payable {
        emit NativeTokenDeposited(msg.sender, msg.value);
    }

    /// @notice Standard callbacks (NFT receipts); anything else reverts with UnkownCallback.
    fallback(bytes calldata _input) external returns (bytes memory) {
        return abi.encode(_handleCallback(msg.sig, _input));
    }

    function _authorizeUpgrade(address) internal view override {
        _auth(UPGRADE_DAO_PERMISSION_ID);
    }

    function _isPermissionRestrictedForAnyAddr(bytes32 _permissionId) internal pure override returns (bool) {
        return _permissionId == ROOT_PERMISSION_ID || _permissionId == EXECUTE_PERMISSION_ID
            || _permissionId == UPGRADE_DAO_PERMISSION_ID || _permissionId == SET_METADATA_PERMISSION_ID
            || _permissionId == SET_TRUSTED_FORWARDER_PERMISSION_ID
            || _permissionId == REGISTER_STANDARD_CALLBACK_PERMISSION_ID;
    }

    function _registerStandardCallback(bytes4 _interfaceId, bytes4 _callbackSelector, bytes4 _magicNumber) private {
        supportedInterfaces[_interfaceId] = true;
        _registerCallback(_callbackSelector, _magicNumber);
        emit StandardCallbackRegistered(_interfaceId, _callbackSelector, _magicNumber);
    }

    function _setMetadata(bytes calldata _metadata) private {
        emit MetadataSet(_metadata);
    }

    function _setTrustedForwarder(address _forwarder) private {
        trustedForwarder = _forwarder;
        emit TrustedForwarderSet(_forwarder);
    }

    function _setDaoURI(string calldata _uri) private {
        _daoURI = _uri;
        emit NewURI(_uri);
    }
}
