#!/usr/bin/env bash
# liaison-dist on two "hosts" (issue 20): two network namespaces joined by a veth pair, two ranks
# in each, Open MPI over TCP on those addresses only; mpirun starts the ranks of the second host
# through a launch agent that enters its namespace (as ssh would log in). The results must equal
# those of the same run on one host. Exit 77 (ctest SKIP) when namespaces cannot be made here
# (no CAP_NET_ADMIN); the namespaces are removed on every way out.
#
# usage: netns_test.sh LIAISON LIAISON_DIST SOURCE_DIR
set -euo pipefail
liaison=$1 dist=$2 source=$3
ranks=4
tag=$$
ns_a="liaison-dist-$tag-a" ns_b="liaison-dist-$tag-b"
veth_a="lzd${tag}a" veth_b="lzd${tag}b"  # interface names: at most 15 characters
# A private subnet that exists only inside the two namespaces (no address outside is reached).
net=10.$((tag % 200 + 20)).$((tag / 200 % 250 + 1))
addr_a=$net.1 addr_b=$net.2
work=$(mktemp -d "${TMPDIR:-/tmp}/liaison_netns_XXXXXX")

skip() {
    echo "SKIP: $*"
    exit 77
}

cleanup() {
    local ns
    for ns in "$ns_a" "$ns_b"; do
        if ip netns list 2>/dev/null | grep -qw "$ns"; then
            # Ranks or daemons left by a failed run die with their namespace's network.
            for pid in $(ip netns pids "$ns" 2>/dev/null); do kill -9 "$pid" 2>/dev/null || true; done
            ip netns del "$ns" 2>/dev/null || true
        fi
    done
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

command -v mpirun >/dev/null || skip "mpirun (openmpi-bin) is not installed"
command -v ip >/dev/null || skip "ip (iproute2) is not installed"
# Namespaces of an earlier run that was killed outright (no trap runs on SIGKILL).
for ns in $(ip netns list 2>/dev/null | grep -o '^liaison-dist-[0-9]*-[ab]' || true); do
    pid=${ns#liaison-dist-}
    pid=${pid%-*}
    kill -0 "$pid" 2>/dev/null || ip netns del "$ns" 2>/dev/null || true
done
if ! err=$(ip netns add "$ns_a" 2>&1); then
    skip "cannot create a network namespace here (needs root with CAP_NET_ADMIN): $err"
fi
ip netns add "$ns_b"
ip link add "$veth_a" type veth peer name "$veth_b"
ip link set "$veth_a" netns "$ns_a"
ip link set "$veth_b" netns "$ns_b"
ip -n "$ns_a" addr add "$addr_a/24" dev "$veth_a"
ip -n "$ns_b" addr add "$addr_b/24" dev "$veth_b"
for ns in "$ns_a" "$ns_b"; do ip -n "$ns" link set lo up; done
ip -n "$ns_a" link set "$veth_a" up
ip -n "$ns_b" link set "$veth_b" up
echo "netns: $ns_a ($addr_a) and $ns_b ($addr_b) joined by $veth_a/$veth_b"

# Open MPI runs `AGENT [options] HOST orted …` (ssh's form) for each host but its own; the agent
# runs that command line in the host's namespace.
cat >"$work/agent.sh" <<EOF
#!/bin/sh
while [ \$# -gt 0 ]; do case "\$1" in -*) shift ;; *) break ;; esac; done
host=\$1
shift
case "\$host" in
$addr_a) ns=$ns_a ;;
$addr_b) ns=$ns_b ;;
*) echo "agent: no namespace for host \$host" >&2; exit 1 ;;
esac
echo "agent: starting on \$host in \$ns" >&2
exec ip netns exec "\$ns" /bin/sh -c "\$*"
EOF
chmod +x "$work/agent.sh"
printf '%s slots=2\n%s slots=2\n' "$addr_a" "$addr_b" >"$work/hostfile"

export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
# One thread per rank: four ranks on a small machine would otherwise spin against each other.
export OMP_NUM_THREADS=1
# The seed network's projection, written as users do.
cp "$source/graphs/morocco-interpol.json" "$work/g.json"
"$liaison" project "$work/g.json" -o "$work/g.mtx"
algorithms=(pagerank components bfs betweenness degree kcore)
run_dist() {  # OUTPUT, then the launcher and its options
    local out=$1
    shift
    timeout 300 "$@" -x OMP_NUM_THREADS "$dist" "${algorithms[@]}" --input "$work/g.mtx" \
        --source abdellatif-hammouchi -o "$out"
}

echo "netns: one host, $ranks ranks"
run_dist "$work/single.tsv" mpirun -np "$ranks" --oversubscribe --mca btl self,vader \
    >"$work/single.log" 2>&1 || { cat "$work/single.log"; exit 1; }

echo "netns: two hosts, $ranks ranks (2 in each namespace), TCP on $net.0/24"
subnet=$net.0/24
run_dist "$work/multi.tsv" ip netns exec "$ns_a" mpirun -np "$ranks" --hostfile "$work/hostfile" \
    --mca plm_rsh_agent "$work/agent.sh" --mca btl tcp,self \
    --mca btl_tcp_if_include "$subnet" --mca oob_tcp_if_include "$subnet" \
    --map-by node --display-map >"$work/multi.log" 2>&1 || { cat "$work/multi.log"; exit 1; }
cat "$work/multi.log"
grep -q "agent: starting on $addr_b in $ns_b" "$work/multi.log" ||
    { echo "FAIL: no rank was started in $ns_b"; exit 1; }

# Same ids in the same order; integers equal, floating-point values within 1e-9 (relative).
/usr/bin/python3 - "$work/single.tsv" "$work/multi.tsv" <<'EOF'
import math, sys
def read(path):
    with open(path) as f:
        rows = [line.rstrip("\n").split("\t") for line in f]
    return rows[0], rows[1:]
(h1, r1), (h2, r2) = read(sys.argv[1]), read(sys.argv[2])
assert h1 == h2, (h1, h2)
assert len(r1) == len(r2) and len(r1) > 0, (len(r1), len(r2))
bad = 0
for a, b in zip(r1, r2):
    assert a[0] == b[0], (a[0], b[0])
    for name, x, y in zip(h1[1:], a[1:], b[1:]):
        fx, fy = float(x), float(y)
        same = (fx == fy or (math.isnan(fx) and math.isnan(fy))
                or abs(fx - fy) <= 1e-9 * max(1.0, abs(fx)))
        if not same:
            bad += 1
            print(f"differs: {a[0]} {name}: one host {x}, two hosts {y}")
print(f"netns: {len(r1)} vertices x {len(h1) - 1} results ({', '.join(h1[1:])}): "
      f"{len(r1) * (len(h1) - 1) - bad} equal, {bad} different")
sys.exit(1 if bad else 0)
EOF
echo "netns: two-host results equal the one-host run"

# And back into (a copy of) the database, as users do.
"$liaison" scores "$work/g.json" "$work/multi.tsv" --write --top 3
grep -q '"dist_pagerank"' "$work/g.json" || { echo "FAIL: dist_pagerank was not stored"; exit 1; }
echo "netns: results stored as node properties"
