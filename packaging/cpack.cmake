# SPDX-License-Identifier: GPL-3.0-or-later
# A Debian package of the two programs (`cpack -G DEB` in a build folder). Dependencies are found by dpkg-shlibdeps;
# kubectl or kustomize is recommended, since overlays are rendered with it.
set(CPACK_PACKAGE_NAME "gitops-desk")
set(CPACK_PACKAGE_VENDOR "GitOps Desk developers")
set(CPACK_PACKAGE_CONTACT "GitOps Desk developers <dev@gitops-desk.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
set(CPACK_GENERATOR "DEB")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION "devel")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# The SVG icons load through Qt plugins, which dpkg-shlibdeps cannot see.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "git, libqt6svg6")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "kubectl | kustomize, fonts-noto-cjk")
include(CPack)
