# The version header: PROJECT_VERSION -> <build>/generated/countersignversion.h.
# Every target that uses countersign_target_defaults() gets its include directory; a version
# bump rebuilds only the files that include the header (a compile definition rebuilt all).
configure_file("${CMAKE_CURRENT_LIST_DIR}/countersignversion.h.in"
    "${CMAKE_BINARY_DIR}/generated/countersignversion.h" @ONLY)
add_library(countersign-version INTERFACE)
target_include_directories(countersign-version INTERFACE "${CMAKE_BINARY_DIR}/generated")
target_link_libraries(countersign-build-settings INTERFACE countersign-version)
