// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @notice Initialization of contracts behind a proxy, as OpenZeppelin 4's Initializable (which
/// Aragon OSx builds on) does it: versions are uint8 and announced as `Initialized(uint8)`.
/// OpenZeppelin 5's Initializable announces `Initialized(uint64)`, a different event topic, so it
/// cannot be used where the ABI must be Aragon's.
abstract contract Initializable {
    /// @custom:storage-location erc7201:openmesh.portal.Initializable
    struct InitializableStorage {
        uint8 initialized;
        bool initializing;
    }

    // keccak256(abi.encode(uint256(keccak256("openmesh.portal.Initializable")) - 1)) & ~bytes32(uint256(0xff))
    bytes32 private constant STORAGE_SLOT = 0x742b189ef21027c7465f7ed80ce184943fa4b39721993f25febc11ba81966800;

    event Initialized(uint8 version);

    /// @dev Runs once per version: `version` must be above every version run before.
    modifier reinitializer(uint8 version) {
        InitializableStorage storage $ = _initializableStorage();
        require(!$.initializing && $.initialized < version, "Initializable: contract is already initialized");
        $.initialized = version;
        $.initializing = true;
        _;
        $.initializing = false;
        emit Initialized(version);
    }

    modifier initializer() {
        InitializableStorage storage $ = _initializableStorage();
        require(!$.initializing && $.initialized < 1, "Initializable: contract is already initialized");
        $.initialized = 1;
        $.initializing = true;
        _;
        $.initializing = false;
        emit Initialized(1);
    }

    modifier onlyInitializing() {
        require(_initializableStorage().initializing, "Initializable: contract is not initializing");
        _;
    }

    /// @dev Called in an implementation's constructor, so only proxies pointing at it can be set up.
    function _disableInitializers() internal {
        InitializableStorage storage $ = _initializableStorage();
        require(!$.initializing, "Initializable: contract is initializing");
        if ($.initialized != type(uint8).max) {
            $.initialized = type(uint8).max;
            emit Initialized(type(uint8).max);
        }
    }

    function _initializableStorage() private pure returns (InitializableStorage storage $) {
        assembly {
            $.slot := STORAGE_SLOT
        }
    }
}
