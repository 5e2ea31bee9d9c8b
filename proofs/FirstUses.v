(** * FirstUses: the earliest quirk uses kept, the others counted. *)

(** The strict checkers ([Hex2Check.check], [M1Check.check]) list every use, in an order of
    their own, and a hostile input makes one use per byte. The bounded checkers
    ([Hex2CheckFirst], [M1CheckFirst]) keep only the [k] earliest uses in input order, and how
    many there are. This file gives them:
    - the order: [use_lt] puts the uses by file, then by offset ([use_lt_place]), then, for uses
      at one place, by their other fields: a fixed order of all uses, so that which [k] are the
      earliest does not depend on the order in which a scanner meets them. [sort_uses l] is [l]
      in that order ([sort_uses_sorted], [sort_uses_permutation]);
    - the accumulator [earliest]: the [k] earliest of the uses added so far, the greatest first,
      and how many were added; [earliest_of k l e] says that [e] holds the first [k] of
      [sort_uses l]. A use after the greatest kept, the usual case (the scanners meet the uses
      roughly in input order), costs one comparison once [k] are kept; an earlier one a walk of
      at most [k] kept uses. [merge_earliest] merges what two accumulators hold, in at most [2k]
      steps. *)

From Coq Require Import NArith ZArith List Lia Sorting.Permutation Sorting.Sorted.
From Hexproof.Spec Require Import Common Quirks.
From Hexproof.Proofs Require Import ByteMap.
Import ListNotations.
Local Open Scope N_scope.

(** ** The order of uses *)

Definition quirk_rank (q : quirk) : N :=
  match q with
  | duplicate_label => 0
  | split_byte => 1
  | nibble_across_files => 2
  | misplaced_base => 3
  | absolute_with_base => 4
  | align_on_absolute => 5
  | register_across_files => 6
  | duplicate_define => 7
  | use_before_define => 8
  | off_by_one_range => 9
  | octal_immediate => 10
  | text_across_files => 11
  | cr_in_token => 12
  | comment_char_in_token => 13
  | unknown_architecture_kept => 14
  end.

Definition n_cmp (x y : N) : comparison := if x <? y then Lt else if y <? x then Gt else Eq.

Definition z_cmp (x y : Z) : comparison := if Z.ltb x y then Lt else if Z.ltb y x then Gt else Eq.

(** [a] comes before [b]: by file, offset, quirk, other file, other offset, number, subject,
    each compared only where the ones before are equal. *)
Definition use_lt (a b : quirk_use) : bool :=
  if use_file a <? use_file b then true
  else if use_file b <? use_file a then false
  else if use_offset a <? use_offset b then true
  else if use_offset b <? use_offset a then false
  else if quirk_rank (use_quirk a) <? quirk_rank (use_quirk b) then true
  else if quirk_rank (use_quirk b) <? quirk_rank (use_quirk a) then false
  else if use_other_file a <? use_other_file b then true
  else if use_other_file b <? use_other_file a then false
  else if use_other_offset a <? use_other_offset b then true
  else if use_other_offset b <? use_other_offset a then false
  else if Z.ltb (use_value a) (use_value b) then true
  else if Z.ltb (use_value b) (use_value a) then false
  else
    match cmp_bytes (use_subject a) (use_subject b) with
    | Lt => true
    | _ => false
    end.

(** The same order as a comparison (for the proofs). *)
Definition use_cmp (a b : quirk_use) : comparison :=
  match n_cmp (use_file a) (use_file b) with
  | Eq =>
      match n_cmp (use_offset a) (use_offset b) with
      | Eq =>
          match n_cmp (quirk_rank (use_quirk a)) (quirk_rank (use_quirk b)) with
          | Eq =>
              match n_cmp (use_other_file a) (use_other_file b) with
              | Eq =>
                  match n_cmp (use_other_offset a) (use_other_offset b) with
                  | Eq =>
                      match z_cmp (use_value a) (use_value b) with
                      | Eq => cmp_bytes (use_subject a) (use_subject b)
                      | Lt => Lt
                      | Gt => Gt
                      end
                  | Lt => Lt
                  | Gt => Gt
                  end
              | Lt => Lt
              | Gt => Gt
              end
          | Lt => Lt
          | Gt => Gt
          end
      | Lt => Lt
      | Gt => Gt
      end
  | Lt => Lt
  | Gt => Gt
  end.

(** [a] does not come after [b]. *)
Definition use_le (a b : quirk_use) : Prop := use_lt b a = false.

(** [u] in the sorted list [l], after the uses that do not come after it. *)
Fixpoint insert_use (u : quirk_use) (l : list quirk_use) : list quirk_use :=
  match l with
  | [] => [u]
  | x :: l' => if use_lt u x then u :: l else x :: insert_use u l'
  end.

(** The uses [l] in order. *)
Fixpoint sort_uses (l : list quirk_use) : list quirk_use :=
  match l with
  | [] => []
  | u :: l' => insert_use u (sort_uses l')
  end.

(** ** The accumulator *)

(** [u] in the list [d] sorted the greatest first, after the uses that come after it; [acc],
    reversed, before. A loop. *)
Fixpoint insert_desc_onto (u : quirk_use) (d acc : list quirk_use) : list quirk_use :=
  match d with
  | [] => push_uses acc [u]
  | x :: d' => if use_lt u x then insert_desc_onto u d' (x :: acc) else push_uses acc (u :: d)
  end.

Record earliest := mk_earliest {
  ea_kept : list quirk_use;  (* the earliest uses, the greatest first *)
  ea_kept_count : N;         (* the length of [ea_kept] *)
  ea_count : N               (* how many came *)
}.

Definition earliest_empty : earliest := mk_earliest [] 0 0.

(** The use [u], keeping at most [k]. *)
Definition add_use (k : N) (u : quirk_use) (e : earliest) : earliest :=
  match e with
  | mk_earliest kept c n =>
      if c <? k then mk_earliest (insert_desc_onto u kept []) (c + 1) (n + 1)
      else
        match kept with
        | [] => mk_earliest kept c (n + 1)
        | x :: kept' =>
            if use_lt u x then mk_earliest (insert_desc_onto u kept' []) c (n + 1)
            else mk_earliest kept c (n + 1)
        end
  end.

(** The uses [us], in order. *)
Fixpoint add_uses (k : N) (us : list quirk_use) (e : earliest) : earliest :=
  match us with
  | [] => e
  | u :: us' => add_uses k us' (add_use k u e)
  end.

(** The uses of [d] (the greatest first) that come after [x], pushed onto [acc]; and the rest
    of [d]. A loop. *)
Fixpoint move_after (x : quirk_use) (d acc : list quirk_use) : list quirk_use * list quirk_use :=
  match d with
  | [] => (d, acc)
  | y :: d' => if use_lt x y then move_after x d' (y :: acc) else (d, acc)
  end.

(** [d1] and [d2] (each the greatest first) merged, the greatest pushed first onto [acc]: the
    earliest ends on top. A loop over [d2] and, through [move_after], over [d1]. *)
Fixpoint merge_onto (d2 d1 acc : list quirk_use) : list quirk_use :=
  match d2 with
  | [] => push_uses d1 acc
  | x :: d2' =>
      match move_after x d1 acc with
      | (d1', acc') => merge_onto d2' d1' (x :: acc')
      end
  end.

(** The first [n] of [l], reversed onto [acc], and [c] plus how many. A loop. *)
Fixpoint take_onto (n : N) (l acc : list quirk_use) (c : N) : list quirk_use * N :=
  if n =? 0 then (acc, c)
  else
    match l with
    | [] => (acc, c)
    | u :: l' => take_onto (n - 1) l' (u :: acc) (c + 1)
    end.

(** The uses of [e1] and of [e2] together: their kept uses merged (a step each, so a merge costs
    at most [2k] steps whatever their order), the [k] earliest kept. *)
Definition merge_earliest (k : N) (e2 e1 : earliest) : earliest :=
  match ea_kept e2 with
  | [] => mk_earliest (ea_kept e1) (ea_kept_count e1) (ea_count e1 + ea_count e2)
  | _ :: _ =>
      match take_onto k (merge_onto (ea_kept e2) (ea_kept e1) []) [] 0 with
      | (kept, c) => mk_earliest kept c (ea_count e1 + ea_count e2)
      end
  end.

(** The uses kept, the earliest first, and how many there are. *)
Definition earliest_result (e : earliest) : list quirk_use * N :=
  (push_uses (ea_kept e) [], ea_count e).

Definition earliest_of (k : N) (l : list quirk_use) (e : earliest) : Prop :=
  rev (ea_kept e) = firstn (N.to_nat k) (sort_uses l)
  /\ ea_kept_count e = N.of_nat (length (ea_kept e))
  /\ ea_count e = N.of_nat (length l).

(** ** The order is a total order *)

Definition cthen (c d : comparison) : comparison :=
  match c with
  | Eq => d
  | Lt => Lt
  | Gt => Gt
  end.

Definition good {A} (cmp : A -> A -> comparison) : Prop :=
  (forall a b, cmp a b = Eq -> a = b)
  /\ (forall a b, cmp b a = CompOpp (cmp a b))
  /\ (forall a b c, cmp a b = Lt -> cmp b c = Lt -> cmp a c = Lt).

Definition pair_cmp {A B} (ca : A -> A -> comparison) (cb : B -> B -> comparison) (x y : A * B)
  : comparison :=
  cthen (ca (fst x) (fst y)) (cb (snd x) (snd y)).

Lemma good_refl : forall A (cmp : A -> A -> comparison), good cmp -> forall a, cmp a a = Eq.
Proof.
  intros A cmp (_ & S & _) a. specialize (S a a). destruct (cmp a a); cbn in S; congruence.
Qed.

Lemma good_pair : forall A B (ca : A -> A -> comparison) (cb : B -> B -> comparison),
  good ca -> good cb -> good (pair_cmp ca cb).
Proof.
  intros A B ca cb Ga Gb. pose proof (good_refl A ca Ga) as Ra.
  destruct Ga as (Ea & Sa & Ta), Gb as (Eb & Sb & Tb).
  unfold good, pair_cmp, cthen; split; [|split].
  - intros [a1 b1] [a2 b2] H; cbn in H. destruct (ca a1 a2) eqn:C; try discriminate.
    apply Ea in C; apply Eb in H; subst; reflexivity.
  - intros [a1 b1] [a2 b2]; cbn. rewrite (Sa a1 a2), (Sb b1 b2). destruct (ca a1 a2); reflexivity.
  - intros [a1 b1] [a2 b2] [a3 b3] H1 H2; cbn in H1, H2 |- *.
    destruct (ca a1 a2) eqn:C12, (ca a2 a3) eqn:C23; cbn in H1, H2; try discriminate.
    + apply Ea in C12; apply Ea in C23; subst. rewrite Ra. exact (Tb _ _ _ H1 H2).
    + apply Ea in C12; subst. rewrite C23; reflexivity.
    + apply Ea in C23; subst. rewrite C12; reflexivity.
    + rewrite (Ta _ _ _ C12 C23); reflexivity.
Qed.

Lemma good_n : good n_cmp.
Proof.
  unfold good, n_cmp; split; [|split].
  - intros a b; destruct (N.ltb_spec a b), (N.ltb_spec b a); cbn; intros Hc; try discriminate; lia.
  - intros a b; destruct (N.ltb_spec a b), (N.ltb_spec b a); cbn; try reflexivity; lia.
  - intros a b c; destruct (N.ltb_spec a b), (N.ltb_spec b a), (N.ltb_spec b c),
      (N.ltb_spec c b), (N.ltb_spec a c); cbn; intros Hc1 Hc2; try discriminate; try reflexivity;
      lia.
Qed.

Lemma good_z : good z_cmp.
Proof.
  unfold good, z_cmp; split; [|split].
  - intros a b; destruct (Z.ltb_spec a b), (Z.ltb_spec b a); cbn; intros Hc; try discriminate; lia.
  - intros a b; destruct (Z.ltb_spec a b), (Z.ltb_spec b a); cbn; try reflexivity; lia.
  - intros a b c; destruct (Z.ltb_spec a b), (Z.ltb_spec b a), (Z.ltb_spec b c),
      (Z.ltb_spec c b), (Z.ltb_spec a c); cbn; intros Hc1 Hc2; try discriminate; try reflexivity;
      lia.
Qed.

Lemma good_bytes : good cmp_bytes.
Proof.
  split; [|split]; [apply cmp_bytes_eq | apply cmp_bytes_sym | apply cmp_bytes_trans].
Qed.

Definition use_key (u : quirk_use) :=
  (use_file u, (use_offset u, (quirk_rank (use_quirk u), (use_other_file u,
    (use_other_offset u, (use_value u, use_subject u)))))).

Definition key_cmp :=
  pair_cmp n_cmp (pair_cmp n_cmp (pair_cmp n_cmp (pair_cmp n_cmp (pair_cmp n_cmp
    (pair_cmp z_cmp cmp_bytes))))).

Lemma use_cmp_key : forall a b, use_cmp a b = key_cmp (use_key a) (use_key b).
Proof. reflexivity. Qed.

Lemma quirk_rank_inj : forall p q, quirk_rank p = quirk_rank q -> p = q.
Proof. intros p q; destruct p, q; cbn; intros H; (reflexivity || discriminate). Qed.

Lemma use_key_inj : forall a b, use_key a = use_key b -> a = b.
Proof.
  intros [q f o s f' o' v] [q2 f2 o2 s2 f2' o2' v2]; cbn; intros H.
  injection H as E1 E2 E3 E4 E5 E6 E7. apply quirk_rank_inj in E3. subst; reflexivity.
Qed.

Lemma good_use : good use_cmp.
Proof.
  assert (G : good key_cmp)
    by (unfold key_cmp; repeat apply good_pair; auto using good_n, good_z, good_bytes).
  destruct G as (E & S & T). unfold good; split; [|split]; intros *; rewrite ?use_cmp_key.
  - intros H; apply use_key_inj, E, H.
  - apply S.
  - apply T.
Qed.

Lemma use_lt_cmp : forall a b, use_lt a b = match use_cmp a b with Lt => true | _ => false end.
Proof.
  intros a b; unfold use_lt, use_cmp, n_cmp, z_cmp.
  repeat (match goal with
          | |- context [N.ltb ?x ?y] => destruct (N.ltb x y)
          | |- context [Z.ltb ?x ?y] => destruct (Z.ltb x y)
          end; cbn -[cmp_bytes]); reflexivity.
Qed.

Lemma lt_trans : forall a b c, use_lt a b = true -> use_lt b c = true -> use_lt a c = true.
Proof.
  intros a b c; rewrite !use_lt_cmp; intros H1 H2. destruct good_use as (_ & _ & T).
  destruct (use_cmp a b) eqn:AB, (use_cmp b c) eqn:BC; try discriminate.
  rewrite (T _ _ _ AB BC); reflexivity.
Qed.

Lemma lt_asym : forall a b, use_lt a b = true -> use_lt b a = false.
Proof.
  intros a b; rewrite !use_lt_cmp; intros H. destruct good_use as (_ & S & _). rewrite S.
  destruct (use_cmp a b); try discriminate; reflexivity.
Qed.

Lemma lt_total : forall a b, use_lt a b = false -> use_lt b a = false -> a = b.
Proof.
  intros a b; rewrite !use_lt_cmp; intros H1 H2. destruct good_use as (E & S & _). rewrite S in H2.
  apply E. destruct (use_cmp a b); cbn in *; congruence.
Qed.

Lemma lt_irrefl : forall a, use_lt a a = false.
Proof. intros a; rewrite use_lt_cmp, (good_refl _ _ good_use); reflexivity. Qed.

(** The order puts the uses by file, then by offset. *)
Theorem use_lt_place : forall a b,
  (use_file a < use_file b \/ (use_file a = use_file b /\ use_offset a < use_offset b)) ->
  use_lt a b = true.
Proof.
  intros a b H. unfold use_lt.
  destruct H as [H|[E H]].
  - destruct (N.ltb_spec (use_file a) (use_file b)); [reflexivity|lia].
  - rewrite E, N.ltb_irrefl. destruct (N.ltb_spec (use_offset a) (use_offset b)); [reflexivity|lia].
Qed.

Ltac use_order :=
  repeat match goal with
         | H1 : use_lt ?a ?b = false, H2 : use_lt ?b ?a = false |- _ =>
             let E := fresh in pose proof (lt_total _ _ H1 H2) as E; subst a; clear H1 H2
         end;
  try reflexivity; try congruence;
  try (match goal with
       | H : use_lt ?a ?a = true |- _ => rewrite lt_irrefl in H; discriminate
       end);
  try (match goal with
       | H1 : use_lt ?a ?b = true, H2 : use_lt ?b ?a = true |- _ =>
           rewrite (lt_asym _ _ H1) in H2; discriminate
       end);
  try (match goal with
       | H1 : use_lt ?a ?b = true, H2 : use_lt ?b ?c = true, H3 : use_lt ?a ?c = false |- _ =>
           rewrite (lt_trans _ _ _ H1 H2) in H3; discriminate
       end).

Ltac lt_cases :=
  repeat (match goal with
          | H : use_lt ?p ?q = _ |- context [use_lt ?p ?q] => rewrite H
          | |- context [use_lt ?p ?q] =>
              let E := fresh "E" in destruct (use_lt p q) eqn:E
          end; cbn [insert_use]).

(** ** Sorting *)

Lemma insert_comm : forall a b l, insert_use a (insert_use b l) = insert_use b (insert_use a l).
Proof.
  intros a b l; induction l as [|x l IH]; cbn [insert_use]; lt_cases; use_order;
    try (rewrite IH; reflexivity).
Qed.

Lemma sort_perm : forall l l', Permutation l l' -> sort_uses l = sort_uses l'.
Proof.
  intros l l' P; induction P; cbn [sort_uses]; try congruence.
  apply insert_comm.
Qed.

Lemma insert_permutation : forall u l, Permutation (u :: l) (insert_use u l).
Proof.
  intros u l; induction l as [|x l IH]; cbn [insert_use]; [reflexivity|].
  destruct (use_lt u x); [reflexivity|].
  eapply perm_trans; [apply perm_swap|]. apply perm_skip, IH.
Qed.

(** [sort_uses l] holds the uses of [l]. *)
Theorem sort_uses_permutation : forall l, Permutation l (sort_uses l).
Proof.
  induction l as [|u l IH]; cbn [sort_uses]; [reflexivity|].
  eapply perm_trans; [apply perm_skip, IH|apply insert_permutation].
Qed.

Lemma insert_length : forall u l, length (insert_use u l) = S (length l).
Proof.
  intros u l; change (S (length l)) with (length (u :: l)).
  apply Permutation_length, Permutation_sym, insert_permutation.
Qed.

Lemma insert_sorted : forall u l, StronglySorted use_le l -> StronglySorted use_le (insert_use u l).
Proof.
  unfold use_le; intros u l S; induction S as [|x l S IH F]; cbn [insert_use].
  - repeat constructor.
  - destruct (use_lt u x) eqn:UX.
    + constructor; [constructor; assumption|]. constructor; [apply lt_asym, UX|].
      rewrite Forall_forall in F |- *. intros y Y. specialize (F y Y). cbv beta in F |- *.
      destruct (use_lt y u) eqn:YU; [|reflexivity].
      rewrite (lt_trans _ _ _ YU UX) in F; discriminate.
    + constructor; [exact IH|]. rewrite Forall_forall in F |- *. intros y Y.
      apply (Permutation_in _ (Permutation_sym (insert_permutation u l))) in Y.
      destruct Y as [<-|Y]; [exact UX|apply F, Y].
Qed.

(** [sort_uses l] is sorted: no use comes after the next one. *)
Theorem sort_uses_sorted : forall l, StronglySorted use_le (sort_uses l).
Proof.
  induction l as [|u l IH]; cbn [sort_uses]; [constructor|]. apply insert_sorted, IH.
Qed.

Lemma firstn_sorted : forall n l, StronglySorted use_le l -> StronglySorted use_le (firstn n l).
Proof.
  induction n as [|n IH]; intros l S; [constructor|]. destruct S as [|x l S F]; [constructor|].
  cbn [firstn]. constructor; [apply IH, S|]. rewrite Forall_forall in F |- *. intros y Y.
  apply F. rewrite <- (firstn_skipn n l). apply in_or_app; left; exact Y.
Qed.

Lemma insert_min : forall x l, Forall (use_le x) l -> insert_use x l = x :: l.
Proof.
  unfold use_le; intros x l F; induction F as [|y l YX F IH]; cbn [insert_use]; [reflexivity|].
  destruct (use_lt x y) eqn:XY; [reflexivity|].
  pose proof (lt_total _ _ XY YX); subst. rewrite IH; reflexivity.
Qed.

Lemma sorted_sort_id : forall l, StronglySorted use_le l -> sort_uses l = l.
Proof.
  intros l S; induction S as [|x l S IH F]; cbn [sort_uses]; [reflexivity|].
  rewrite IH. apply insert_min, F.
Qed.

Lemma insert_firstn : forall n u l,
  firstn n (insert_use u l) = firstn n (insert_use u (firstn n l)).
Proof.
  induction n as [|n IH]; intros u l; [reflexivity|].
  destruct l as [|x l]; [reflexivity|]. cbn [firstn insert_use].
  destruct (use_lt u x); cbn [firstn].
  - f_equal. destruct n as [|n]; [reflexivity|].
    change (x :: firstn n l = x :: firstn n (firstn (S n) l)).
    rewrite firstn_firstn. replace (Nat.min n (S n)) with n by lia. reflexivity.
  - f_equal. apply IH.
Qed.

Fixpoint insert_all (a l : list quirk_use) : list quirk_use :=
  match a with
  | [] => l
  | u :: a' => insert_use u (insert_all a' l)
  end.

Lemma sort_app : forall a b, sort_uses (a ++ b) = insert_all a (sort_uses b).
Proof. induction a as [|u a IH]; intros b; cbn; [reflexivity|]. rewrite IH; reflexivity. Qed.

Lemma insert_all_firstn : forall n a l,
  firstn n (insert_all a l) = firstn n (insert_all a (firstn n l)).
Proof.
  intros n a l; induction a as [|u a IH]; cbn [insert_all].
  - rewrite firstn_firstn, Nat.min_id; reflexivity.
  - rewrite insert_firstn, IH, <- insert_firstn; reflexivity.
Qed.

(** The first [n] of [l1] and the first [n] of [l2] in order hold the first [n] of both. *)
Lemma firstn_sort_app : forall n l2 l1,
  firstn n (sort_uses (firstn n (sort_uses l2) ++ l1)) = firstn n (sort_uses (l2 ++ l1)).
Proof.
  intros n l2 l1.
  rewrite (sort_perm (firstn n (sort_uses l2) ++ l1) (l1 ++ firstn n (sort_uses l2)))
    by apply Permutation_app_comm.
  rewrite (sort_perm (l2 ++ l1) (l1 ++ l2)) by apply Permutation_app_comm.
  rewrite !sort_app, (sorted_sort_id (firstn n (sort_uses l2)))
    by (apply firstn_sorted, sort_uses_sorted).
  symmetry; apply insert_all_firstn.
Qed.

(** ** The list kept, the greatest first *)

Fixpoint insert_desc (u : quirk_use) (d : list quirk_use) : list quirk_use :=
  match d with
  | [] => [u]
  | x :: d' => if use_lt u x then x :: insert_desc u d' else u :: d
  end.

Lemma push_uses_rev : forall a acc, push_uses a acc = rev a ++ acc.
Proof.
  induction a as [|u a IH]; intros acc; cbn; [reflexivity|].
  rewrite IH, <- app_assoc; reflexivity.
Qed.

Lemma insert_desc_onto_spec : forall u d acc, insert_desc_onto u d acc = rev acc ++ insert_desc u d.
Proof.
  intros u d; induction d as [|x d IH]; intros acc; cbn [insert_desc_onto insert_desc].
  - apply push_uses_rev.
  - destruct (use_lt u x); [|apply push_uses_rev]. rewrite IH; cbn. rewrite <- app_assoc; reflexivity.
Qed.

Lemma insert_desc_length : forall u d, length (insert_desc u d) = S (length d).
Proof.
  intros u d; induction d as [|x d IH]; cbn; [reflexivity|]. destruct (use_lt u x); cbn; lia.
Qed.

Lemma insert_before : forall u x l r, use_lt u x = true ->
  insert_use u (l ++ x :: r) = insert_use u l ++ x :: r.
Proof.
  intros u x l r UX; induction l as [|y l IH]; cbn [insert_use app]; [rewrite UX; reflexivity|].
  destruct (use_lt u y); [reflexivity|]. rewrite IH; reflexivity.
Qed.

Lemma insert_last : forall u l, Forall (fun y => use_lt u y = false) l -> insert_use u l = l ++ [u].
Proof.
  intros u l F; induction F as [|y l UY F IH]; cbn [insert_use app]; [reflexivity|].
  cbv beta in UY. rewrite UY, IH; reflexivity.
Qed.

Lemma sorted_app_l : forall l r, StronglySorted use_le (l ++ r) -> StronglySorted use_le l.
Proof.
  induction l as [|x l IH]; intros r S; [constructor|]. inversion S as [|? ? S' F]; subst.
  constructor; [apply (IH r), S'|]. rewrite Forall_forall in F |- *. intros y Y.
  apply F, in_or_app; left; exact Y.
Qed.

Lemma sorted_last : forall l x, StronglySorted use_le (l ++ [x]) -> Forall (fun y => use_le y x) l.
Proof.
  induction l as [|y l IH]; intros x S; [constructor|]. inversion S as [|? ? S' F]; subst.
  constructor; [|apply IH, S']. rewrite Forall_forall in F. apply F, in_or_app; right; left; reflexivity.
Qed.

(** Nothing in the sorted [l ++ [x]] comes after [u] when [x] does not. *)
Lemma after_last : forall u l x, StronglySorted use_le (l ++ [x]) -> use_lt u x = false ->
  Forall (fun y => use_lt u y = false) (l ++ [x]).
Proof.
  intros u l x S UX. apply Forall_app; split; [|constructor; [exact UX|constructor]].
  apply sorted_last in S. rewrite Forall_forall in S |- *. intros y Y. specialize (S y Y).
  unfold use_le in S. cbv beta. destruct (use_lt u y) eqn:UY; [|reflexivity].
  destruct (use_lt y x) eqn:YX.
  - rewrite (lt_trans _ _ _ UY YX) in UX; discriminate.
  - pose proof (lt_total _ _ YX S); subst; congruence.
Qed.

Lemma insert_desc_rev : forall u l, StronglySorted use_le l ->
  rev (insert_desc u (rev l)) = insert_use u l.
Proof.
  intros u l; induction l as [|x l IH] using rev_ind; intros S; [reflexivity|].
  rewrite rev_unit; cbn [insert_desc]. destruct (use_lt u x) eqn:UX.
  - cbn [rev]. rewrite IH by exact (sorted_app_l _ _ S). symmetry; apply insert_before, UX.
  - rewrite insert_last by (apply after_last; assumption).
    cbn [rev]. rewrite rev_involutive, <- app_assoc; reflexivity.
Qed.

(** ** The accumulator keeps the earliest *)

Lemma earliest_of_empty : forall k, earliest_of k [] earliest_empty.
Proof. intros k; repeat split; cbn; rewrite ?firstn_nil; reflexivity. Qed.

Lemma earliest_of_perm : forall k l l' e, Permutation l l' -> earliest_of k l e -> earliest_of k l' e.
Proof.
  intros k l l' e P (E & C & N'). rewrite (sort_perm _ _ P) in E.
  rewrite (Permutation_length P) in N'. repeat split; assumption.
Qed.

Lemma firstn_snoc : forall (n : nat) (l : list quirk_use) x, length l = n -> firstn n (l ++ [x]) = l.
Proof.
  intros n l x L. rewrite firstn_app, firstn_all2 by lia.
  replace (n - length l)%nat with 0%nat by lia. apply app_nil_r.
Qed.

Lemma add_use_correct : forall k l u e, earliest_of k l e -> earliest_of k (u :: l) (add_use k u e).
Proof.
  intros k l u [kept c n] (E & C & Nn). unfold earliest_of, add_use.
  cbn [ea_kept ea_kept_count ea_count] in E, C, Nn |- *. subst n.
  assert (Srt : StronglySorted use_le (rev kept))
    by (rewrite E; apply firstn_sorted, sort_uses_sorted).
  assert (T : firstn (N.to_nat k) (sort_uses (u :: l))
              = firstn (N.to_nat k) (insert_use u (rev kept)))
    by (cbn [sort_uses]; rewrite E; apply insert_firstn).
  assert (LK : (length kept <= N.to_nat k)%nat)
    by (rewrite <- rev_length, E, firstn_length; lia).
  rewrite T; clear T. cbn [length].
  destruct (N.ltb_spec c k) as [CK|CK]; cbn [ea_kept ea_kept_count ea_count].
  - rewrite insert_desc_onto_spec; cbn [rev app].
    assert (I : rev (insert_desc u kept) = insert_use u (rev kept))
      by (rewrite <- (insert_desc_rev u _ Srt), rev_involutive; reflexivity).
    rewrite I, firstn_all2 by (rewrite insert_length, rev_length; lia).
    rewrite insert_desc_length. split; [reflexivity|split; lia].
  - assert (LK' : length kept = N.to_nat k) by lia.
    destruct kept as [|x kept']; cbn [rev length ea_kept ea_kept_count ea_count] in Srt, LK', C |- *.
    + rewrite <- LK'. split; [reflexivity|split; lia].
    + destruct (use_lt u x) eqn:UX; cbn [ea_kept ea_kept_count ea_count].
      * rewrite insert_desc_onto_spec; cbn [rev app].
        assert (I : rev (insert_desc u kept') = insert_use u (rev kept'))
          by (rewrite <- (insert_desc_rev u _ (sorted_app_l _ _ Srt)), rev_involutive; reflexivity).
        rewrite I, insert_before by exact UX.
        rewrite firstn_snoc by (rewrite insert_length, rev_length; lia).
        rewrite insert_desc_length. split; [reflexivity|split; lia].
      * rewrite insert_last by (apply after_last; assumption).
        rewrite firstn_snoc by (rewrite app_length, rev_length; cbn [length]; lia).
        cbn [length]. split; [reflexivity|split; lia].
Qed.

Lemma add_uses_correct : forall k us l e,
  earliest_of k l e -> earliest_of k (rev us ++ l) (add_uses k us e).
Proof.
  induction us as [|u us IH]; intros l e A; cbn [rev add_uses app]; [exact A|].
  rewrite <- app_assoc; cbn [app]. apply IH, add_use_correct, A.
Qed.

(** The uses [new] added to those of [e]. *)
Lemma add_uses_new : forall k new old e,
  earliest_of k old e -> earliest_of k (new ++ old) (add_uses k new e).
Proof.
  intros k new old e A. apply (earliest_of_perm k (rev new ++ old)).
  - apply Permutation_app_tail, Permutation_sym, Permutation_rev.
  - apply add_uses_correct, A.
Qed.

(** ** Merging *)

(** [a] does not come before [b]: the order of the kept lists, the greatest first. *)
Definition use_ge (a b : quirk_use) : Prop := use_le b a.

(** No use of [l] comes after a use of [acc]: [merge_onto]'s invariant, with [acc] in order and
    the lists still to merge the greatest first. *)
Definition below (l acc : list quirk_use) : Prop := Forall (fun y => Forall (use_le y) acc) l.

Lemma move_after_spec : forall x d acc,
  StronglySorted use_ge d -> StronglySorted use_le acc -> below (x :: d) acc ->
  match move_after x d acc with
  | (d', acc') =>
      push_uses d acc = push_uses d' acc' /\ StronglySorted use_ge d' /\ StronglySorted use_le acc'
      /\ below (x :: d') acc' /\ Forall (fun y => use_lt x y = false) d'
  end.
Proof.
  intros x d; induction d as [|y d IH]; intros acc Sd Sa B; cbn [move_after].
  - repeat split; auto.
  - destruct (use_lt x y) eqn:XY.
    + inversion Sd as [|? ? Sd' Fy]; subst.
      unfold below in B. inversion B as [|? ? Bx B']; subst. inversion B' as [|? ? By Bd]; subst.
      assert (Sa' : StronglySorted use_le (y :: acc)) by (constructor; assumption).
      assert (B2 : below (x :: d) (y :: acc)).
      { constructor.
        - constructor; [unfold use_le; apply lt_asym, XY|exact Bx].
        - rewrite Forall_forall in Fy, Bd |- *. intros z Z. constructor; [exact (Fy z Z)|exact (Bd z Z)]. }
      specialize (IH (y :: acc) Sd' Sa' B2). destruct (move_after x d (y :: acc)) as [d' acc'].
      destruct IH as (P & IH). split; [exact P|exact IH].
    + split; [reflexivity|]. split; [exact Sd|]. split; [exact Sa|]. split; [exact B|].
      constructor; [exact XY|]. inversion Sd as [|? ? _ Fy]; subst.
      rewrite Forall_forall in Fy |- *. intros z Z. specialize (Fy z Z). unfold use_ge, use_le in Fy.
      destruct (use_lt x z) eqn:XZ; [|reflexivity].
      destruct (use_lt z y) eqn:ZY.
      * (* z < y, x < z, so x < y: contradiction *)
        rewrite (lt_trans _ _ _ XZ ZY) in XY; discriminate.
      * pose proof (lt_total _ _ ZY Fy); subst; congruence.
Qed.

Lemma le_trans : forall a b c, use_le a b -> use_le b c -> use_le a c.
Proof.
  unfold use_le; intros a b c AB BC. destruct (use_lt c a) eqn:CA; [|reflexivity].
  destruct (use_lt b c) eqn:BC'.
  - rewrite (lt_trans _ _ _ BC' CA) in AB; discriminate.
  - pose proof (lt_total _ _ BC BC'); subst; congruence.
Qed.

Lemma push_sorted : forall d acc,
  StronglySorted use_ge d -> StronglySorted use_le acc -> below d acc ->
  StronglySorted use_le (push_uses d acc).
Proof.
  induction d as [|y d IH]; intros acc Sd Sa B; cbn [push_uses]; [exact Sa|].
  inversion Sd as [|? ? Sd' Fy]; subst. inversion B as [|? ? By Bd]; subst.
  apply IH; [exact Sd'|constructor; assumption|]. unfold below.
  rewrite Forall_forall in Fy, Bd |- *. intros z Z. constructor; [exact (Fy z Z)|exact (Bd z Z)].
Qed.

Lemma merge_onto_spec : forall d2 d1 acc,
  StronglySorted use_ge d1 -> StronglySorted use_ge d2 -> StronglySorted use_le acc ->
  below (d1 ++ d2) acc ->
  StronglySorted use_le (merge_onto d2 d1 acc) /\ Permutation (merge_onto d2 d1 acc) (d1 ++ d2 ++ acc).
Proof.
  induction d2 as [|x d2 IH]; intros d1 acc S1 S2 Sa B; cbn [merge_onto].
  - rewrite app_nil_r in B. split; [apply push_sorted; assumption|].
    rewrite push_uses_rev, app_nil_l. apply Permutation_app_tail, Permutation_sym, Permutation_rev.
  - unfold below in B. apply Forall_app in B as [B1 B2]. inversion B2 as [|? ? Bx Bd2]; subst.
    inversion S2 as [|? ? S2' Fx]; subst.
    pose proof (move_after_spec x d1 acc S1 Sa (Forall_cons x Bx B1)) as M.
    destruct (move_after x d1 acc) as [d1' acc'].
    destruct M as (P & S1' & Sa' & Bm & Lx). inversion Bm as [|? ? Bx' B1']; subst.
    assert (Sxa : StronglySorted use_le (x :: acc')) by (constructor; assumption).
    assert (B' : below (d1' ++ d2) (x :: acc')).
    { unfold below. apply Forall_app; split.
      - rewrite Forall_forall in Lx, B1' |- *. intros z Z. constructor; [exact (Lx z Z)|exact (B1' z Z)].
      - rewrite Forall_forall in Fx |- *. intros z Z. specialize (Fx z Z).
        constructor; [exact Fx|]. rewrite Forall_forall in Bx' |- *. intros y Y.
        exact (le_trans _ _ _ Fx (Bx' y Y)). }
    destruct (IH d1' (x :: acc') S1' S2' Sxa B') as [S P'].
    split; [exact S|]. eapply perm_trans; [exact P'|].
    assert (Q : Permutation (d1' ++ acc') (d1 ++ acc)).
    { rewrite !push_uses_rev in P.
      eapply perm_trans; [apply Permutation_app_tail, Permutation_rev|].
      rewrite <- P. apply Permutation_app_tail, Permutation_sym, Permutation_rev. }
    apply (perm_trans (l' := x :: d2 ++ d1' ++ acc')).
    + rewrite app_assoc. eapply perm_trans; [apply Permutation_sym, Permutation_middle|].
      apply perm_skip. rewrite <- app_assoc. apply Permutation_app_swap_app.
    + cbn [app]. eapply perm_trans; [apply perm_skip, Permutation_app_head, Q|].
      eapply perm_trans; [apply perm_skip, Permutation_app_swap_app|].
      apply Permutation_middle.
Qed.

Lemma sorted_rev_ge : forall d, StronglySorted use_le (rev d) -> StronglySorted use_ge d.
Proof.
  induction d as [|y d IH]; intros S; [constructor|]. cbn [rev] in S.
  constructor; [apply IH, (sorted_app_l _ _ S)|].
  apply sorted_last in S. apply Forall_rev in S. rewrite rev_involutive in S. exact S.
Qed.

Lemma sorted_perm_sort : forall m l, StronglySorted use_le m -> Permutation m l -> m = sort_uses l.
Proof.
  intros m l S P. rewrite <- (sort_perm _ _ P). symmetry; apply sorted_sort_id, S.
Qed.

Lemma take_onto_spec : forall l n acc c,
  take_onto n l acc c
  = (rev (firstn (N.to_nat n) l) ++ acc, c + N.of_nat (length (firstn (N.to_nat n) l))).
Proof.
  induction l as [|u l IH]; intros n acc c; cbn [take_onto].
  - destruct (n =? 0); rewrite firstn_nil; cbn; f_equal; lia.
  - destruct (N.eqb_spec n 0) as [->|Nz].
    + cbn. f_equal; lia.
    + rewrite IH. replace (N.to_nat n) with (S (N.to_nat (n - 1))) by lia.
      cbn [firstn rev length]. rewrite <- app_assoc. cbn [app]. f_equal. lia.
Qed.

Lemma merge_earliest_correct : forall k l1 l2 e1 e2,
  earliest_of k l1 e1 -> earliest_of k l2 e2 -> earliest_of k (l2 ++ l1) (merge_earliest k e2 e1).
Proof.
  intros k l1 l2 [kept1 c1 n1] [kept2 c2 n2] (E1 & C1 & N1) (E2 & _ & N2).
  cbn [ea_kept ea_kept_count ea_count] in *. unfold merge_earliest; cbn [ea_kept ea_count].
  destruct kept2 as [|x2 kept2'] eqn:K2.
  { unfold earliest_of; cbn [ea_kept ea_kept_count ea_count]. split; [|split; [exact C1|]].
    - rewrite E1, <- firstn_sort_app, <- E2; reflexivity.
    - rewrite N1, N2, app_length. lia. }
  rewrite <- K2 in *. clear x2 kept2' K2.
  assert (S1 : StronglySorted use_ge kept1)
    by (apply sorted_rev_ge; rewrite E1; apply firstn_sorted, sort_uses_sorted).
  assert (S2 : StronglySorted use_ge kept2)
    by (apply sorted_rev_ge; rewrite E2; apply firstn_sorted, sort_uses_sorted).
  destruct (merge_onto_spec kept2 kept1 [] S1 S2 (SSorted_nil _))
    as [S P]; [unfold below; rewrite Forall_forall; intros; constructor|].
  rewrite app_nil_r in P. apply (sorted_perm_sort _ _ S) in P.
  rewrite take_onto_spec. unfold earliest_of; cbn [ea_kept ea_kept_count ea_count].
  rewrite app_nil_r, rev_involutive, rev_length. split; [|split; [lia|]].
  - rewrite P.
    rewrite (sort_perm (kept1 ++ kept2) (rev kept2 ++ rev kept1))
      by (eapply perm_trans; [apply Permutation_app_comm|];
          apply Permutation_app; apply Permutation_rev).
    rewrite E2, firstn_sort_app, E1.
    rewrite (sort_perm (l2 ++ firstn (N.to_nat k) (sort_uses l1)) (firstn (N.to_nat k) (sort_uses l1) ++ l2))
      by apply Permutation_app_comm.
    rewrite firstn_sort_app. f_equal. apply sort_perm, Permutation_app_comm.
  - rewrite N1, N2, app_length. lia.
Qed.


Lemma earliest_result_correct : forall k l e,
  earliest_of k l e -> earliest_result e = (firstn (N.to_nat k) (sort_uses l), N.of_nat (length l)).
Proof.
  intros k l e (E & _ & N'). unfold earliest_result. rewrite push_uses_rev, app_nil_r, E, N'.
  reflexivity.
Qed.
