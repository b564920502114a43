# The installed package (docs/api.md): libliaison.so and libliaison.a, each combining every
# module's objects, the public headers, liaisonConfig.cmake with exported targets, and liaison.pc.
#
# Each module stays a static library of its own (liaison_core … liaison_report) for the CLI, the
# tests and the benches; the combined libraries reuse those objects ($<TARGET_OBJECTS>), so every
# source is compiled once.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

# _liaison_dependency(TARGET FIND PC LIBS): how a consumer of the installed package finds one of
# the library's external dependencies: the find_dependency() text for liaisonConfig.cmake, the
# pkg-config modules for Requires.private, and flags for Libs.private. Header-only ones give "".
function(_liaison_dependency target find pc libs)
    set(f "")
    set(p "")
    set(l "")
    if(target STREQUAL "fmt::fmt")
        set(f "find_dependency(fmt)")
        set(p fmt)
    elseif(target STREQUAL "ICU::uc")
        set(f "find_dependency(ICU COMPONENTS uc i18n)")
        set(p icu-uc)
    elseif(target STREQUAL "ICU::i18n")
        set(f "find_dependency(ICU COMPONENTS uc i18n)")
        set(p icu-i18n)
    elseif(target STREQUAL "LibXml2::LibXml2")
        set(f "find_dependency(LibXml2)")
        set(p libxml-2.0)
    elseif(target STREQUAL "ZLIB::ZLIB")
        set(f "find_dependency(ZLIB)")
        set(p zlib)
    elseif(target STREQUAL "Threads::Threads")
        set(f "find_dependency(Threads)")
        set(l "${CMAKE_THREAD_LIBS_INIT}")
    elseif(target STREQUAL "OpenMP::OpenMP_CXX")
        set(f "find_dependency(OpenMP)")
        set(l "${OpenMP_CXX_FLAGS}")
    elseif(target STREQUAL "PkgConfig::GRAPHVIZ")
        # The same imported target name as the build's (cmake/LiaisonDependencies.cmake).
        set(f "_liaison_pkg(GRAPHVIZ libcgraph libgvc)")
        set(p "libcgraph libgvc")
    elseif(target STREQUAL "PkgConfig::RE2")
        set(f "_liaison_pkg(RE2 re2)")
        set(p re2)
    elseif(target STREQUAL "RapidJSON::RapidJSON")
        # Header-only, used by the sources only: nothing for consumers.
    else()
        message(FATAL_ERROR "lib/ links ${target}: say in cmake/LiaisonLibrary.cmake "
                            "(_liaison_dependency) how the installed package finds it")
    endif()
    set(${find} "${f}" PARENT_SCOPE)
    set(${pc} "${p}" PARENT_SCOPE)
    set(${libs} "${l}" PARENT_SCOPE)
endfunction()

# liaison_combined_libraries(MODULE...): the combined libraries from the static libraries the
# given lib/ folders define, and the install rules of the package.
function(liaison_combined_libraries)
    set(modules "")
    foreach(folder ${ARGN})
        if(NOT EXISTS ${CMAKE_CURRENT_SOURCE_DIR}/${folder}/CMakeLists.txt
           OR folder IN_LIST LIAISON_EXCLUDE_MODULES)
            continue()
        endif()
        get_property(targets DIRECTORY ${CMAKE_CURRENT_SOURCE_DIR}/${folder}
                     PROPERTY BUILDSYSTEM_TARGETS)
        foreach(t ${targets})
            get_target_property(type ${t} TYPE)
            if(type STREQUAL "STATIC_LIBRARY")
                list(APPEND modules ${t})
            endif()
        endforeach()
    endforeach()

    # External dependencies: what the modules link that is not another module.
    set(objects "")
    set(deps "")
    foreach(t ${modules})
        list(APPEND objects $<TARGET_OBJECTS:${t}>)
        get_target_property(links ${t} LINK_LIBRARIES)
        foreach(item ${links})
            if(item MATCHES "^::@" OR item IN_LIST modules OR item MATCHES "^liaison_")
                continue()
            endif()
            list(APPEND deps ${item})
        endforeach()
    endforeach()
    list(REMOVE_DUPLICATES deps)
    set(link_deps "")
    set(finds "")
    set(pc_requires "")
    set(pc_libs "")
    foreach(dep ${deps})
        _liaison_dependency(${dep} find pc libs)
        if(find STREQUAL "")
            continue()
        endif()
        list(APPEND link_deps ${dep})
        list(APPEND finds "${find}")
        list(APPEND pc_requires ${pc})
        list(APPEND pc_libs ${libs})
    endforeach()
    list(REMOVE_DUPLICATES finds)
    list(REMOVE_DUPLICATES pc_requires)
    list(REMOVE_DUPLICATES pc_libs)

    set(soversion ${PROJECT_VERSION_MAJOR}.${PROJECT_VERSION_MINOR})
    add_library(liaison_shared SHARED ${objects})
    add_library(liaison_static STATIC ${objects})
    # The public interface: include/ only (lib/ holds the internal headers), C++20.
    foreach(t liaison_shared liaison_static)
        target_include_directories(${t} INTERFACE
            $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/include>
            $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>)
        target_compile_features(${t} INTERFACE cxx_std_20)
        target_link_libraries(${t} PRIVATE ${link_deps})
        set_target_properties(${t} PROPERTIES OUTPUT_NAME liaison)
    endforeach()
    # 0.x releases promise no stable ABI: the SONAME changes with the minor version.
    set_target_properties(liaison_shared PROPERTIES EXPORT_NAME liaison
                          VERSION ${PROJECT_VERSION} SOVERSION ${soversion})
    set_target_properties(liaison_static PROPERTIES EXPORT_NAME liaison_static)
    if(LIAISON_SANITIZER STREQUAL "")
        # Every symbol the objects need must come from a declared dependency.
        target_link_options(liaison_shared PRIVATE LINKER:--no-undefined)
    endif()
    add_library(liaison::liaison ALIAS liaison_shared)
    add_library(liaison::liaison_static ALIAS liaison_static)

    set(cmake_dir ${CMAKE_INSTALL_LIBDIR}/cmake/liaison)
    install(TARGETS liaison_shared liaison_static EXPORT liaisonTargets
            LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
            ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR})
    install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/liaison
            DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} FILES_MATCHING PATTERN "*.hpp")
    install(EXPORT liaisonTargets NAMESPACE liaison:: DESTINATION ${cmake_dir})

    list(JOIN finds "\n" LIAISON_CONFIG_DEPENDENCIES)
    configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/liaisonConfig.cmake.in
                                  ${PROJECT_BINARY_DIR}/liaisonConfig.cmake
                                  INSTALL_DESTINATION ${cmake_dir})
    write_basic_package_version_file(${PROJECT_BINARY_DIR}/liaisonConfigVersion.cmake
                                     COMPATIBILITY SameMinorVersion)
    install(FILES ${PROJECT_BINARY_DIR}/liaisonConfig.cmake
                  ${PROJECT_BINARY_DIR}/liaisonConfigVersion.cmake DESTINATION ${cmake_dir})

    # liaison.pc finds its prefix from its own place, so the installed tree can move.
    set(pc_dir ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
    if(IS_ABSOLUTE ${CMAKE_INSTALL_LIBDIR})
        message(FATAL_ERROR "liaison.pc needs a relative CMAKE_INSTALL_LIBDIR")
    endif()
    string(REGEX REPLACE "[^/]+" ".." up ${pc_dir})
    set(LIAISON_PC_PREFIX "\${pcfiledir}/${up}")
    list(JOIN pc_requires " " LIAISON_PC_REQUIRES)
    list(JOIN pc_libs " " LIAISON_PC_LIBS)
    configure_file(${PROJECT_SOURCE_DIR}/cmake/liaison.pc.in ${PROJECT_BINARY_DIR}/liaison.pc @ONLY)
    install(FILES ${PROJECT_BINARY_DIR}/liaison.pc DESTINATION ${pc_dir})
endfunction()
