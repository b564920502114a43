# liaison_target_defaults(TARGET): warnings, sanitizers and include layout for every target.
function(liaison_target_defaults target)
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
                                             -Wold-style-cast -Wcast-align -Wunused -Woverloaded-virtual)
    if(LIAISON_WARNINGS_AS_ERRORS)
        target_compile_options(${target} PRIVATE -Werror)
    endif()
    if(LIAISON_EXPENSIVE_CHECKS)
        target_compile_definitions(${target} PRIVATE LIAISON_EXPENSIVE_CHECKS=1)
    endif()
endfunction()

if(LIAISON_SANITIZER STREQUAL "address")
    # GCC's flow analysis is unreliable under sanitizer instrumentation: at -O1 it reports
    # std::regex's own states as maybe-uninitialized. The plain build keeps that warning.
    add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
                        $<$<CXX_COMPILER_ID:GNU>:-Wno-maybe-uninitialized>)
    add_link_options(-fsanitize=address,undefined)
elseif(LIAISON_SANITIZER STREQUAL "undefined")
    add_compile_options(-fsanitize=undefined -fno-sanitize-recover=all)
    add_link_options(-fsanitize=undefined)
elseif(NOT LIAISON_SANITIZER STREQUAL "")
    message(FATAL_ERROR "LIAISON_SANITIZER must be address, undefined or empty")
endif()
