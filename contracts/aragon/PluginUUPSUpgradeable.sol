// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC165} from "@openzeppelin/contracts/utils/introspection/ERC165.sol";
import {IDAO} from "./IDAO.sol";
import {Initializable} from "./Initializable.sol";
import {UUPSUpgradeable} from "./UUPSUpgradeable.sol";

/// @notice The base of an Aragon OSx plugin behind a proxy: it belongs to one DAO, whose
/// permissions guard the plugin's own restricted functions (`auth`).
abstract contract PluginUUPSUpgradeable is ERC165, Initializable, UUPSUpgradeable {
    /// @dev Aragon's PluginType enum: UUPS = 0, Cloneable = 1, Constructable = 2.
    uint8 internal constant PLUGIN_TYPE_UUPS = 0;

    bytes32 public constant UPGRADE_PLUGIN_PERMISSION_ID = keccak256("UPGRADE_PLUGIN_PERMISSION");

    IDAO private dao_;

    error DaoUnauthorized(address dao, address where, address who, bytes32 permissionId);

    modifier auth(bytes32 _permissionId) {
        if (!dao_.hasPermission(address(this), msg.sender, _permissionId, msg.data)) {
            revert DaoUnauthorized(address(dao_), address(this), msg.sender, _permissionId);
        }
        _;
    }

    constructor() {
        _disableInitializers();
    }

    function dao() public view returns (address) {
        return address(dao_);
    }

    function implementation() external view returns (address) {
        return _getImplementation();
    }

    function pluginType() external pure returns (uint8) {
        return PLUGIN_TYPE_UUPS;
    }

    function __PluginUUPSUpgradeable_init(IDAO _dao) internal onlyInitializing {
        dao_ = _dao;
    }

    function _daoExecutor() internal view returns (IDAO) {
        return dao_;
    }

    function _authorizeUpgrade(address) internal view override auth(UPGRADE_PLUGIN_PERMISSION_ID) {}
}
