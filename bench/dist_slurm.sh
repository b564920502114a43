#!/bin/bash
# liaison-dist as a Slurm batch job (docs/scale.md, "On a cluster"):
#     sbatch bench/dist_slurm.sh /shared/work/graph.mtx /shared/work/results.tsv
# The Matrix Market file (and its .ids) must be on a file system every node mounts at the same
# path: each rank opens it and reads its own byte range. Rank 0 writes the results there too.
# Outside Slurm (`bash bench/dist_slurm.sh GRAPH OUT`) it runs on this host with RANKS ranks
# (default 4), which is how it is tested here.
#SBATCH --job-name=liaison-dist
#SBATCH --nodes=4
#SBATCH --ntasks-per-node=4
#SBATCH --cpus-per-task=8
#SBATCH --mem=0
#SBATCH --time=02:00:00
#SBATCH --output=liaison-dist-%j.log
set -euo pipefail
graph=${1:?usage: dist_slurm.sh GRAPH.mtx RESULTS.tsv [ALGORITHM…]}
results=${2:?usage: dist_slurm.sh GRAPH.mtx RESULTS.tsv [ALGORITHM…]}
shift 2
algorithms=("$@")
((${#algorithms[@]})) || algorithms=(pagerank components)
dist=${LIAISON_DIST:-liaison-dist}

# OpenMP threads inside each rank: the cores Slurm gave each task (one task = one rank).
export OMP_NUM_THREADS=${SLURM_CPUS_PER_TASK:-1}
if [[ -n ${SLURM_JOB_ID:-} ]]; then
    # Open MPI reads the allocation from Slurm and starts one rank per task. A square task
    # count (16 here: a 4 x 4 grid) leaves no rank idle.
    launch=(mpirun --bind-to none)
else
    launch=(mpirun -np "${RANKS:-4}" --oversubscribe --bind-to none)
fi
echo "liaison-dist: ${launch[*]} on ${SLURM_JOB_NODELIST:-$(hostname)}, ${OMP_NUM_THREADS} threads a rank"
"${launch[@]}" -x OMP_NUM_THREADS "$dist" "${algorithms[@]}" --input "$graph" -o "$results" --timings
