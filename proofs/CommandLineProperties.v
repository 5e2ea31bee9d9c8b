(** * CommandLineProperties: what the command lines promise to the code that runs them. *)

(** Three facts the runtime (runtime/cli/cli.cpp) relies on when it carries out
    [CommandLine.hex2_command_line] and [CommandLine.m1_command_line]:
    - hex2's base address is a 32-bit value, as [Common.hex2_config] requires
      ([hex2_base_address_32]);
    - M1 reads exactly the files of its configuration, in order, each once, where the options
      name them ([m1_reads_its_inputs]): the steps that read files and the inputs of the run are
      the same list;
    - hex2 reads no file among its steps ([hex2_reads_after_options]): the runtime reads the
      inputs of a run that no step has read, after the options, as upstream's hex2 does. *)

From Coq Require Import NArith ZArith List Lia.
From Hexproof.Spec Require Import Common CommandLine.
Import ListNotations.
Local Open Scope N_scope.

Lemma reverse_onto_rev : forall {A} (l acc : list A), reverse_onto l acc = rev l ++ acc.
Proof.
  intros A l; induction l as [|x l IH]; intros acc; [reflexivity|].
  cbn; rewrite IH, <- app_assoc; reflexivity.
Qed.

(** ** hex2's base address *)

Lemma base_address_of_32 : forall v, base_address_of v < 4294967296.
Proof.
  intros v; unfold base_address_of.
  pose proof (Z.mod_pos_bound (Strtoint.strtoint v) 4294967296 ltac:(lia)). lia.
Qed.

(** Every hex2 run has a base address below 2^32. *)
Theorem hex2_base_address_32 : forall args c,
  cli_end (hex2_command_line args) = end_run c -> h2_base_address (cmd_config c) < 4294967296.
Proof.
  intros args; unfold hex2_command_line.
  assert (G : forall n args c0 rev_steps c, (length args <= n)%nat ->
             h2_base_address (cmd_config c0) < 4294967296 ->
             cli_end (hex2_options args c0 rev_steps) = end_run c ->
             h2_base_address (cmd_config c) < 4294967296).
  { induction n as [|n IH]; intros [|a rest] c0 rev_steps c L B H; cbn [length] in L;
      try lia; cbn [hex2_options] in H.
    1, 2: unfold hex2_finish, finish in H; cbn [cli_end] in H;
      destruct (cmd_inputs c0); [discriminate|]; injection H as <-; exact B.
    destruct (option_word_of true a) as [b|sm| |m| | |name|digits|o|]; try discriminate H;
      try (eapply (IH rest); [lia| |exact H]; exact B).
    { destruct (max_output_bytes_of digits); [|discriminate H].
      eapply (IH rest); [lia| |exact H]; exact B. }
    destruct rest as [|v rest']; [discriminate|]. cbn [length] in L.
    destruct o; [destruct (architecture_of v)| | |]; (eapply (IH rest'); [lia| |exact H]);
      try exact B. apply base_address_of_32. }
  intros c; apply (G (length args)); [lia|cbn; lia].
Qed.

(** ** M1's inputs *)

(** The paths of the steps that read a file, in the order of the steps. *)
Fixpoint read_paths (steps : list cli_step) : list bytes :=
  match steps with
  | [] => []
  | step_read_input p :: rest => p :: read_paths rest
  | _ :: rest => read_paths rest
  end.

Lemma read_paths_app : forall a b, read_paths (a ++ b) = read_paths a ++ read_paths b.
Proof.
  induction a as [|s a IH]; intros b; [reflexivity|].
  destruct s; cbn; rewrite ?IH; reflexivity.
Qed.

Lemma read_paths_rev : forall l, read_paths (rev l) = rev (read_paths l).
Proof.
  induction l as [|s l IH]; [reflexivity|].
  cbn [rev]; rewrite read_paths_app, IH; destruct s; cbn; rewrite ?app_nil_r; reflexivity.
Qed.

(** M1 reads each file of its run once, in order, and nothing else. *)
Theorem m1_reads_its_inputs : forall args c,
  cli_end (m1_command_line args) = end_run c ->
  read_paths (cli_steps (m1_command_line args)) = cmd_inputs c.
Proof.
  intros args; unfold m1_command_line.
  assert (G : forall n args c0 rev_steps c, (length args <= n)%nat ->
             read_paths rev_steps = cmd_inputs c0 ->
             cli_end (m1_options args c0 rev_steps) = end_run c ->
             read_paths (cli_steps (m1_options args c0 rev_steps)) = cmd_inputs c).
  { induction n as [|n IH]; intros [|a rest] c0 rev_steps c L R H; cbn [length] in L;
      try lia; cbn [m1_options] in H |- *.
    1, 2: unfold finish in H |- *; cbn [cli_end cli_steps] in H |- *;
      assert (Ec : c = inputs_in_order c0) by congruence; subst c;
      unfold inputs_in_order; cbn [cmd_inputs];
      rewrite !reverse_onto_rev, !app_nil_r, read_paths_rev, R; reflexivity.
    destruct (option_word_of false a) as [b|sm| |m| | |name|digits|o|]; try discriminate H;
      try (eapply (IH rest); [lia|exact R|exact H]).
    { destruct (max_output_bytes_of digits); [|discriminate H].
      eapply (IH rest); [lia|exact R|exact H]. }
    destruct rest as [|v rest']; [discriminate|]. cbn [length] in L.
    destruct o; [destruct (architecture_of v)| | |];
      try (unfold finish in H; cbn [cli_end] in H; discriminate H);
      (eapply (IH rest'); [lia| |exact H]); cbn; rewrite ?R; reflexivity. }
  intros c; apply (G (length args)); [lia|reflexivity].
Qed.

(** ** hex2's inputs *)

Lemma read_paths_finish : forall {C} rev_steps (e : cli_ending C),
  read_paths rev_steps = [] -> read_paths (cli_steps (finish rev_steps e)) = [].
Proof.
  intros C rev_steps e R; unfold finish; cbn [cli_steps].
  rewrite reverse_onto_rev, app_nil_r, read_paths_rev, R; reflexivity.
Qed.

Lemma hex2_finish_reads_nothing : forall c rev_steps,
  read_paths rev_steps = [] -> read_paths (cli_steps (hex2_finish c rev_steps)) = [].
Proof.
  intros c rev_steps R; unfold hex2_finish; cbv zeta.
  destruct (negb _ && _)%bool, (h2_big_endian _ && _)%bool, (cmd_inputs c);
    apply read_paths_finish; exact R.
Qed.

(** hex2 reads no file while it reads its options: no step of a hex2 command line reads one. *)
Theorem hex2_reads_after_options : forall args,
  read_paths (cli_steps (hex2_command_line args)) = [].
Proof.
  intros args; unfold hex2_command_line.
  assert (G : forall n args c0 rev_steps, (length args <= n)%nat ->
             read_paths rev_steps = [] ->
             read_paths (cli_steps (hex2_options args c0 rev_steps)) = []).
  { induction n as [|n IH]; intros [|a rest] c0 rev_steps L R; cbn [length] in L;
      try lia; cbn [hex2_options].
    1, 2: apply hex2_finish_reads_nothing; exact R.
    destruct (option_word_of true a) as [b|sm| |m| | |name|digits|o|];
      try (apply read_paths_finish; exact R); try (apply IH; [lia|exact R]).
    { destruct (max_output_bytes_of digits);
        [apply IH; [lia|exact R]|apply read_paths_finish; exact R]. }
    destruct rest as [|v rest']; [apply read_paths_finish; exact R|]. cbn [length] in L.
    destruct o; [destruct (architecture_of v)| | |]; apply IH; try lia; cbn; exact R. }
  apply (G (length args)); [lia|reflexivity].
Qed.
