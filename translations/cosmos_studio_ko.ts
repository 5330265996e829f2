<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>ExampleProject</name>
    <message>
        <source>Cannot copy the example project to %1.</source>
        <translation>예제 프로젝트를 %1(으)로 복사할 수 없습니다.</translation>
    </message>
    <message>
        <source>Cannot move the example project into place at %1.</source>
        <translation>예제 프로젝트를 %1 위치로 옮길 수 없습니다.</translation>
    </message>
    <message>
        <source>This installation has no example project.</source>
        <translation>이 설치본에는 예제 프로젝트가 없습니다.</translation>
    </message>
    <message>
        <source>Cannot create %1.</source>
        <translation>%1을(를) 만들 수 없습니다.</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>cosmos::app</name>
    <message numerus="yes">
        <source>available (%n device(s))</source>
        <translation>
            <numerusform>사용 가능 (장치 %n개)</numerusform>
        </translation>
    </message>
    <message>
        <source>not available (running on the CPU)</source>
        <translation>사용 불가 (CPU에서 실행 중)</translation>
    </message>
    <message>
        <source>Cosmos Studio: world simulations with video world models.</source>
        <translation>코스모스 스튜디오: 비디오 월드 모델로 만드는 월드 시뮬레이션.</translation>
    </message>
    <message>
        <source>User-interface language (e.g. ko, en).</source>
        <translation>사용자 인터페이스 언어 (예: ko, en).</translation>
    </message>
    <message>
        <source>The segment of this job was deleted.</source>
        <translation>이 작업의 세그먼트가 삭제되었습니다.</translation>
    </message>
    <message>
        <source>segment 1 is the first segment: there is no take before it to continue from</source>
        <translation>세그먼트 1은 첫 번째 세그먼트이므로 앞에 이어갈 테이크가 없습니다</translation>
    </message>
    <message>
        <source>segment %1 has no finished take to continue from</source>
        <translation>세그먼트 %1에 이어갈 완료된 테이크가 없습니다</translation>
    </message>
    <message>
        <source>segment %1&apos;s selected take lost its latent file (%2): there is nothing to continue from</source>
        <translation>세그먼트 %1의 선택된 테이크에서 레이턴트 파일(%2)이 사라져 이어갈 내용이 없습니다</translation>
    </message>
    <message>
        <source>segment %1 has no image to start from</source>
        <translation>세그먼트 %1에 시작할 이미지가 없습니다</translation>
    </message>
    <message>
        <source>segment %1 has no video to start from</source>
        <translation>세그먼트 %1에 시작할 비디오가 없습니다</translation>
    </message>
    <message>
        <source>The conditioning file %1 is missing.</source>
        <translation>컨디셔닝 파일 %1이(가) 없습니다.</translation>
    </message>
    <message>
        <source>There is no segment %1.</source>
        <translation>세그먼트 %1이(가) 없습니다.</translation>
    </message>
    <message>
        <source>The job asks for an unknown conditioning &quot;%1&quot;.</source>
        <translation>작업이 알 수 없는 컨디셔닝 &quot;%1&quot;을(를) 요청합니다.</translation>
    </message>
    <message>
        <source>The job continues from nothing: it names no segment and no latent.</source>
        <translation>작업이 이어갈 대상이 없습니다. 세그먼트도 레이턴트도 지정되어 있지 않습니다.</translation>
    </message>
    <message>
        <source>A project folder to open (default: the last one, or the example).</source>
        <translation>열 프로젝트 폴더 (기본값: 마지막으로 연 프로젝트 또는 예제).</translation>
    </message>
    <message>
        <source>Matrix</source>
        <translation>매트릭스</translation>
    </message>
    <message>
        <source>Cannot queue the prompt matrix: %1</source>
        <translation>프롬프트 매트릭스를 대기열에 추가할 수 없습니다: %1</translation>
    </message>
</context>
<context>
    <name>cosmos::app::EngineBridge</name>
    <message>
        <source>The studio closed before the take finished.</source>
        <translation>테이크가 끝나기 전에 스튜디오가 종료되었습니다.</translation>
    </message>
    <message>
        <source>The project was closed before the take finished.</source>
        <translation>테이크가 끝나기 전에 프로젝트가 닫혔습니다.</translation>
    </message>
    <message>
        <source>No project is open.</source>
        <translation>열린 프로젝트가 없습니다.</translation>
    </message>
    <message>
        <source>The segment of this job was deleted.</source>
        <translation>이 작업의 세그먼트가 삭제되었습니다.</translation>
    </message>
    <message>
        <source>Cannot make a temporary folder: %1</source>
        <translation>임시 폴더를 만들 수 없습니다: %1</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>취소되었습니다.</translation>
    </message>
</context>
<context>
    <name>cosmos::app::ExportRunner</name>
    <message>
        <source>The clip of take %1 is missing: %2</source>
        <translation>테이크 %1의 클립이 없습니다: %2</translation>
    </message>
    <message>
        <source>take %1</source>
        <translation>테이크 %1</translation>
    </message>
    <message>
        <source>There is no take %1 in this project.</source>
        <translation>이 프로젝트에 테이크 %1이(가) 없습니다.</translation>
    </message>
    <message>
        <source>The timeline has no selected take with a clip to export.</source>
        <translation>타임라인에 내보낼 클립이 있는 선택된 테이크가 없습니다.</translation>
    </message>
    <message>
        <source>There is no board %1 in this project.</source>
        <translation>이 프로젝트에 보드 %1이(가) 없습니다.</translation>
    </message>
    <message>
        <source>Board “%1” has no finished take to export.</source>
        <translation>보드 “%1”에 내보낼 완료된 테이크가 없습니다.</translation>
    </message>
    <message>
        <source>Board “%1” has %2 takes; a grid holds at most %3. Remove some from the board first.</source>
        <translation>보드 “%1”에 테이크가 %2개 있습니다. 그리드에는 최대 %3개까지만 들어갑니다. 먼저 보드에서 일부 테이크를 제거하십시오.</translation>
    </message>
    <message>
        <source>Take %1 of segment %2</source>
        <translation>세그먼트 %2의 테이크 %1</translation>
    </message>
    <message numerus="yes">
        <source>Whole timeline (%n segment(s))</source>
        <translation>
            <numerusform>전체 타임라인 (세그먼트 %n개)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Board “%1” (%n take(s))</source>
        <translation>
            <numerusform>보드 “%1” (테이크 %n개)</numerusform>
        </translation>
    </message>
    <message>
        <source>The export failed for an unknown reason.</source>
        <translation>알 수 없는 이유로 내보내기에 실패했습니다.</translation>
    </message>
    <message>
        <source>Take %1 has no clip to export (it is still queued).</source>
        <translation>테이크 %1에는 내보낼 클립이 없습니다 (아직 대기 중입니다).</translation>
    </message>
    <message>
        <source>Take %1 has no clip to export (it is still running).</source>
        <translation>테이크 %1에는 내보낼 클립이 없습니다 (아직 생성 중입니다).</translation>
    </message>
    <message>
        <source>Take %1 has no clip to export (its clip is missing).</source>
        <translation>테이크 %1에는 내보낼 클립이 없습니다 (클립 파일이 없습니다).</translation>
    </message>
    <message>
        <source>Take %1 has no clip to export (it failed).</source>
        <translation>테이크 %1에는 내보낼 클립이 없습니다 (생성에 실패했습니다).</translation>
    </message>
    <message>
        <source>Take %1 has no clip to export (it was cancelled).</source>
        <translation>테이크 %1에는 내보낼 클립이 없습니다 (취소되었습니다).</translation>
    </message>
    <message>
        <source>Take %1 has no clip to export (it was interrupted).</source>
        <translation>테이크 %1에는 내보낼 클립이 없습니다 (중단되었습니다).</translation>
    </message>
    <message>
        <source>Take %1 has no clip to export.</source>
        <translation>테이크 %1에는 내보낼 클립이 없습니다.</translation>
    </message>
</context>
<context>
    <name>cosmos::app::MainWindow</name>
    <message>
        <source>Cosmos Studio</source>
        <translation>코스모스 스튜디오</translation>
    </message>
    <message numerus="yes">
        <source>CUDA (%n device(s))</source>
        <translation>
            <numerusform>CUDA (장치 %n개)</numerusform>
        </translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Engine: %1 · LibTorch %2</source>
        <translation>엔진: %1 · LibTorch %2</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>로그</translation>
    </message>
    <message>
        <source>&amp;New Project...</source>
        <translation>새 프로젝트(&amp;N)...</translation>
    </message>
    <message>
        <source>&amp;Open Project...</source>
        <translation>프로젝트 열기(&amp;O)...</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>종료(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>실행 취소(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>다시 실행(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Reset Layout</source>
        <translation>레이아웃 초기화(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;About Cosmos Studio</source>
        <translation>Cosmos Studio 정보(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>최근 프로젝트 열기(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>편집(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <source>No Recent Projects</source>
        <translation>최근 프로젝트 없음</translation>
    </message>
    <message>
        <source>&amp;Clear List</source>
        <translation>목록 지우기(&amp;C)</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>타임라인</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>인스펙터</translation>
    </message>
    <message>
        <source>Job Queue</source>
        <translation>작업 대기열</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>프로젝트</translation>
    </message>
    <message>
        <source>Cannot play the clip</source>
        <translation>클립을 재생할 수 없습니다</translation>
    </message>
    <message numerus="yes">
        <source>CPU · %n thread(s)</source>
        <translation>
            <numerusform>CPU · 스레드 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>Job %1 starting…</source>
        <translation>작업 %1 시작 중…</translation>
    </message>
    <message>
        <source>Job %1 cancelled.</source>
        <translation>작업 %1이(가) 취소되었습니다.</translation>
    </message>
    <message>
        <source>Cannot generate</source>
        <translation>생성할 수 없습니다</translation>
    </message>
    <message>
        <source>Queued as job %1; the queue is paused.</source>
        <translation>작업 %1(으)로 대기열에 추가했습니다. 대기열은 일시 중지된 상태입니다.</translation>
    </message>
    <message>
        <source>Job %1: step %2/%3</source>
        <translation>작업 %1: 단계 %2/%3</translation>
    </message>
    <message>
        <source>Job %1: %2</source>
        <translation>작업 %1: %2</translation>
    </message>
    <message>
        <source>Job %1 · sampling</source>
        <translation>작업 %1 · 샘플링</translation>
    </message>
    <message>
        <source>Job %1 done: take %2.</source>
        <translation>작업 %1 완료: 테이크 %2.</translation>
    </message>
    <message>
        <source>%1 loaded</source>
        <translation>%1 로드됨</translation>
    </message>
    <message>
        <source>Job %1 failed</source>
        <translation>작업 %1 실패</translation>
    </message>
    <message>
        <source>Take %1 has no clip yet.</source>
        <translation>테이크 %1에는 아직 클립이 없습니다.</translation>
    </message>
    <message>
        <source>Segment %1 · take %2</source>
        <translation>세그먼트 %1 · 테이크 %2</translation>
    </message>
    <message>
        <source>Nothing to play yet: generate a segment first (Ctrl+Return).</source>
        <translation>아직 재생할 것이 없습니다. 먼저 세그먼트를 생성하십시오(Ctrl+Return).</translation>
    </message>
    <message numerus="yes">
        <source>Timeline · %n segment(s)</source>
        <translation>
            <numerusform>타임라인 · 세그먼트 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>&amp;Close Project</source>
        <translation>프로젝트 닫기(&amp;C)</translation>
    </message>
    <message>
        <source>Every edit is already saved; a running job waits in the queue for next time.</source>
        <translation>모든 편집 내용은 이미 저장되어 있습니다. 실행 중인 작업은 다음에 열 때까지 대기열에서 기다립니다.</translation>
    </message>
    <message>
        <source>Play &amp;Timeline</source>
        <translation>타임라인 재생(&amp;T)</translation>
    </message>
    <message>
        <source>Mo&amp;dels...</source>
        <translation>모델(&amp;D)...</translation>
    </message>
    <message>
        <source>&amp;Preferences...</source>
        <translation>환경 설정(&amp;P)...</translation>
    </message>
    <message>
        <source>&amp;Timeline</source>
        <translation>타임라인(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Generate</source>
        <translation>생성(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Playback</source>
        <translation>재생(&amp;P)</translation>
    </message>
    <message>
        <source>Cannot open the project</source>
        <translation>프로젝트를 열 수 없습니다</translation>
    </message>
    <message>
        <source>Cannot create the project</source>
        <translation>프로젝트를 만들 수 없습니다</translation>
    </message>
    <message>
        <source>Recovered: %1.</source>
        <translation>복구됨: %1.</translation>
    </message>
    <message>
        <source>The queue kept jobs from last time; it is paused: resume it in the Job Queue.</source>
        <translation>대기열에 지난번 작업이 남아 있어 일시 중지되었습니다. 작업 대기열에서 재개하십시오.</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>%1 열림</translation>
    </message>
    <message>
        <source>%1 — Cosmos Studio</source>
        <translation>%1 — 코스모스 스튜디오</translation>
    </message>
    <message>
        <source>New Project</source>
        <translation>새 프로젝트</translation>
    </message>
    <message>
        <source>Untitled Project</source>
        <translation>제목 없는 프로젝트</translation>
    </message>
    <message>
        <source>Open Project</source>
        <translation>프로젝트 열기</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>미리보기</translation>
    </message>
    <message>
        <source>Board</source>
        <translation>보드</translation>
    </message>
    <message>
        <source>A/B</source>
        <translation>A/B</translation>
    </message>
    <message>
        <source>Take %1 is now the take of its segment.</source>
        <translation>이제 테이크 %1이(가) 해당 세그먼트에 사용됩니다.</translation>
    </message>
    <message>
        <source>Cannot show the board</source>
        <translation>보드를 표시할 수 없습니다</translation>
    </message>
    <message>
        <source>Cannot compare the takes</source>
        <translation>테이크를 비교할 수 없습니다</translation>
    </message>
    <message>
        <source>The board &quot;%1&quot; has no finished takes yet.</source>
        <translation>보드 &quot;%1&quot;에 아직 완료된 테이크가 없습니다.</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n take(s)</source>
        <translation>
            <numerusform>%1 · 테이크 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>A/B needs two finished takes of the selected segment: generate another (Ctrl+Return).</source>
        <translation>A/B 비교에는 선택한 세그먼트의 완료된 테이크가 두 개 필요합니다. 테이크를 하나 더 생성하십시오(Ctrl+Return).</translation>
    </message>
    <message>
        <source>An export is already running.</source>
        <translation>이미 내보내기가 진행 중입니다.</translation>
    </message>
    <message>
        <source>Select a segment first: the matrix varies its prompt, seed and guidance.</source>
        <translation>먼저 세그먼트를 선택하십시오. 매트릭스는 그 세그먼트의 프롬프트, 시드, 가이던스를 바꿔 가며 생성합니다.</translation>
    </message>
    <message>
        <source>Cannot queue the prompt matrix</source>
        <translation>프롬프트 매트릭스를 대기열에 추가할 수 없습니다</translation>
    </message>
    <message numerus="yes">
        <source>Queued %n take(s); the board &quot;%1&quot; fills as they finish.</source>
        <translation>
            <numerusform>테이크 %n개를 대기열에 추가했습니다. 완료되는 대로 보드 &quot;%1&quot;에 채워집니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Export...</source>
        <translation>내보내기(&amp;E)...</translation>
    </message>
    <message>
        <source>A take, the whole timeline or a comparison board as MP4, WebM, GIF or PNGs</source>
        <translation>테이크, 전체 타임라인 또는 비교 보드를 MP4, WebM, GIF 또는 PNG로 내보내기</translation>
    </message>
    <message>
        <source>Prompt &amp;Matrix...</source>
        <translation>프롬프트 매트릭스(&amp;M)...</translation>
    </message>
    <message>
        <source>Queue takes of the selected segment for every combination of prompts, seeds and guidance values, gathered on a comparison board</source>
        <translation>선택한 세그먼트의 테이크를 프롬프트, 시드, 가이던스 값의 모든 조합으로 대기열에 추가하고 비교 보드에 모으기</translation>
    </message>
    <message>
        <source>Compare Takes (&amp;A/B)</source>
        <translation>테이크 A/B 비교(&amp;A)</translation>
    </message>
    <message>
        <source>The selected take against the segment&apos;s newest other take: wipe and difference</source>
        <translation>선택한 테이크를 세그먼트의 가장 최근 다른 테이크와 비교: 와이프와 차이</translation>
    </message>
    <message>
        <source>&amp;Compare</source>
        <translation>비교(&amp;C)</translation>
    </message>
    <message>
        <source>Take %1 (selected)</source>
        <translation>테이크 %1 (선택됨)</translation>
    </message>
    <message>
        <source>Take %1</source>
        <translation>테이크 %1</translation>
    </message>
    <message>
        <source>No comparison board yet.
Compare &gt; Board of the Segment&apos;s Takes (Ctrl+Shift+G) gathers a segment&apos;s takes;
Generate &gt; Prompt Matrix (Ctrl+Shift+Return) fills a board with new ones.</source>
        <translation>아직 비교 보드가 없습니다.
비교 &gt; 세그먼트 테이크 보드(Ctrl+Shift+G)는 세그먼트의 테이크를 모읍니다.
생성 &gt; 프롬프트 매트릭스(Ctrl+Shift+Return)는 새 테이크로 보드를 채웁니다.</translation>
    </message>
    <message>
        <source>No finished takes on &quot;%1&quot; yet.
They appear here as they finish.</source>
        <translation>“%1”에 아직 완료된 테이크가 없습니다.
완료되는 대로 여기에 나타납니다.</translation>
    </message>
    <message>
        <source>A board needs two finished takes of the selected segment: generate another (Ctrl+Return).</source>
        <translation>보드에는 선택한 세그먼트의 완료된 테이크가 두 개 필요합니다. 테이크를 하나 더 생성하십시오(Ctrl+Return).</translation>
    </message>
    <message>
        <source>Takes of segment %1</source>
        <translation>세그먼트 %1의 테이크</translation>
    </message>
    <message>
        <source>Cannot make the board</source>
        <translation>보드를 만들 수 없습니다</translation>
    </message>
    <message>
        <source>Board of the Segment&apos;s &amp;Takes</source>
        <translation>세그먼트 테이크 보드(&amp;T)</translation>
    </message>
    <message>
        <source>Every finished take of the selected segment on a new comparison board</source>
        <translation>선택한 세그먼트의 완료된 테이크를 모두 새 비교 보드에 놓습니다</translation>
    </message>
    <message>
        <source>Take %1 cannot be compared: it and the segment&apos;s selected take must both be finished, and differ.</source>
        <translation>테이크 %1은(는) 비교할 수 없습니다. 이 테이크와 세그먼트의 선택된 테이크가 모두 완료되어 있고 서로 달라야 합니다.</translation>
    </message>
</context>
<context>
    <name>cosmos::app::ProjectSession</name>
    <message>
        <source>Unknown error.</source>
        <translation>알 수 없는 오류입니다.</translation>
    </message>
    <message>
        <source>upgraded from format version %1</source>
        <translation>형식 버전 %1에서 업그레이드됨</translation>
    </message>
    <message numerus="yes">
        <source>%n job(s) interrupted by the last exit</source>
        <translation>
            <numerusform>지난번 종료로 작업 %n개가 중단됨</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n take(s) interrupted</source>
        <translation>
            <numerusform>테이크 %n개가 중단됨</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unfinished file(s) removed</source>
        <translation>
            <numerusform>완료되지 않은 파일 %n개를 제거함</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cosmos::projects</name>
    <message>
        <source>unavailable (Qt SQLite driver missing)</source>
        <translation>사용 불가 (Qt SQLite 드라이버 없음)</translation>
    </message>
    <message>
        <source>unavailable (could not open SQLite)</source>
        <translation>사용 불가 (SQLite를 열 수 없음)</translation>
    </message>
    <message>
        <source>%1 (not a path under media/)</source>
        <translation>%1 (media/ 아래의 경로가 아님)</translation>
    </message>
    <message>
        <source>%1 (missing)</source>
        <translation>%1 (없음)</translation>
    </message>
    <message>
        <source>%1 (content does not match its hash)</source>
        <translation>%1 (내용이 해시와 일치하지 않음)</translation>
    </message>
    <message>
        <source>There is no take %1.</source>
        <translation>테이크 %1이(가) 없습니다.</translation>
    </message>
    <message>
        <source>Cannot read the table %1 of the project: %2</source>
        <translation>프로젝트의 %1 테이블을 읽을 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Cannot export: media files of the project are missing or damaged (a project check lists them): %1</source>
        <translation>내보낼 수 없습니다. 프로젝트의 미디어 파일이 없거나 손상되었습니다(프로젝트 검사에서 목록을 확인할 수 있습니다): %1</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1에 쓸 수 없습니다: %2</translation>
    </message>
    <message>
        <source>%1 cannot be imported: %2. Nothing was written.</source>
        <translation>%1을(를) 가져올 수 없습니다: %2. 아무것도 기록되지 않았습니다.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1을(를) 읽을 수 없습니다: %2</translation>
    </message>
    <message>
        <source>%1 holds a project of format %2, made by a newer Cosmos Studio (this version reads up to %3). Nothing was written.</source>
        <translation>%1에는 최신 Cosmos Studio에서 만든 형식 %2의 프로젝트가 들어 있습니다(이 버전은 형식 %3까지 읽을 수 있습니다). 아무것도 기록되지 않았습니다.</translation>
    </message>
    <message>
        <source>%1 already exists and is not empty; import into a new folder.</source>
        <translation>%1이(가) 이미 있으며 비어 있지 않습니다. 새 폴더로 가져오십시오.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>%1 폴더를 만들 수 없습니다.</translation>
    </message>
    <message>
        <source>Cannot import into %1: %2</source>
        <translation>%1(으)로 가져올 수 없습니다: %2</translation>
    </message>
    <message>
        <source>its rows do not fit a project of format %1 (%2)</source>
        <translation>행이 형식 %1 프로젝트와 맞지 않음 (%2)</translation>
    </message>
    <message>
        <source>its rows and media files do not agree</source>
        <translation>행과 미디어 파일이 서로 일치하지 않음</translation>
    </message>
    <message>
        <source>database</source>
        <translation>데이터베이스</translation>
    </message>
    <message>
        <source>references</source>
        <translation>참조</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>damaged</source>
        <translation>손상됨</translation>
    </message>
    <message>
        <source>unreferenced</source>
        <translation>참조되지 않음</translation>
    </message>
    <message>
        <source>Cannot create %1: %2</source>
        <translation>%1을(를) 만들 수 없습니다: %2</translation>
    </message>
    <message>
        <source>There is no project at %1: the file does not exist.</source>
        <translation>%1에 프로젝트가 없습니다. 파일이 존재하지 않습니다.</translation>
    </message>
    <message>
        <source>%1 cannot be opened as a database. It was left untouched.</source>
        <translation>%1을(를) 데이터베이스로 열 수 없습니다. 파일은 변경되지 않았습니다.</translation>
    </message>
    <message>
        <source>%1 is damaged or is not a database (%2). It was left untouched; you can open a read-only copy to see what can still be read.</source>
        <translation>%1이(가) 손상되었거나 데이터베이스가 아닙니다(%2). 파일은 변경되지 않았습니다. 읽기 전용 사본을 열어 아직 읽을 수 있는 내용을 확인할 수 있습니다.</translation>
    </message>
    <message>
        <source>%1 is an empty database, not a Cosmos Studio project. It was left untouched.</source>
        <translation>%1은(는) Cosmos Studio 프로젝트가 아니라 빈 데이터베이스입니다. 파일은 변경되지 않았습니다.</translation>
    </message>
    <message>
        <source>%1 is an SQLite database of another application, not a Cosmos Studio project. It was left untouched.</source>
        <translation>%1은(는) Cosmos Studio 프로젝트가 아니라 다른 애플리케이션의 SQLite 데이터베이스입니다. 파일은 변경되지 않았습니다.</translation>
    </message>
    <message>
        <source>%1 was saved by a newer Cosmos Studio (project format %2; this version reads up to %3). It was left untouched; update Cosmos Studio, or open a read-only copy.</source>
        <translation>%1은(는) 최신 Cosmos Studio에서 저장되었습니다(프로젝트 형식 %2, 이 버전은 형식 %3까지 읽을 수 있음). 파일은 변경되지 않았습니다. Cosmos Studio를 업데이트하거나 읽기 전용 사본을 여십시오.</translation>
    </message>
    <message>
        <source>%1 is damaged (%2). It was left untouched; open a read-only copy to rescue what can still be read.</source>
        <translation>%1이(가) 손상되었습니다(%2). 파일은 변경되지 않았습니다. 읽기 전용 사본을 열어 아직 읽을 수 있는 내용을 복구하십시오.</translation>
    </message>
    <message>
        <source>The project has %1 segments; a take can go into segment 1 to %2.</source>
        <translation>프로젝트에 세그먼트가 %1개 있습니다. 테이크는 세그먼트 1부터 %2까지에만 넣을 수 있습니다.</translation>
    </message>
    <message>
        <source>Cannot keep %1 in the project: %2</source>
        <translation>%1을(를) 프로젝트에 보관할 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Cannot copy the take into the project: %1</source>
        <translation>테이크를 프로젝트로 복사할 수 없습니다: %1</translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1이(가) 존재하지 않습니다.</translation>
    </message>
    <message>
        <source>%1 is not a file.</source>
        <translation>%1은(는) 파일이 아닙니다.</translation>
    </message>
    <message>
        <source>%1 is empty.</source>
        <translation>%1이(가) 비어 있습니다.</translation>
    </message>
    <message>
        <source>%1 is not an image Cosmos Studio can read (%2).</source>
        <translation>%1은(는) Cosmos Studio가 읽을 수 있는 이미지가 아닙니다(%2).</translation>
    </message>
    <message>
        <source>Only an image or a video can condition a segment, not %1.</source>
        <translation>세그먼트의 컨디셔닝에는 이미지나 비디오만 쓸 수 있으며 %1은(는) 쓸 수 없습니다.</translation>
    </message>
    <message>
        <source>The project is open read-only; %1 was not added.</source>
        <translation>프로젝트가 읽기 전용으로 열려 있어 %1을(를) 추가하지 않았습니다.</translation>
    </message>
    <message>
        <source>That makes %1 takes; at most %2 can be queued at once.</source>
        <translation>그러면 테이크가 %1개가 됩니다. 한 번에 최대 %2개까지만 대기열에 넣을 수 있습니다.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a seed: write numbers like 1, 2, 3 or a range like 1-4.</source>
        <translation>&quot;%1&quot;은(는) 시드가 아닙니다. 1, 2, 3 같은 숫자나 1-4 같은 범위를 입력하십시오.</translation>
    </message>
    <message>
        <source>Seed %1 is out of range: seeds go from 0 to %2.</source>
        <translation>시드 %1이(가) 범위를 벗어났습니다. 시드는 0부터 %2까지입니다.</translation>
    </message>
    <message>
        <source>The prompts make more than %1 variants.</source>
        <translation>프롬프트의 변형이 %1개를 넘습니다.</translation>
    </message>
    <message>
        <source>Seed %1 is listed twice.</source>
        <translation>시드 %1이(가) 두 번 나옵니다.</translation>
    </message>
    <message>
        <source>More than %1 seeds.</source>
        <translation>시드가 %1개를 넘습니다.</translation>
    </message>
    <message>
        <source>The range %1 goes backwards: write the smaller seed first.</source>
        <translation>범위 %1이(가) 거꾸로 되어 있습니다. 작은 시드를 먼저 쓰십시오.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a guidance value: write numbers like 3, 5, 7.</source>
        <translation>&quot;%1&quot;은(는) 가이던스 값이 아닙니다. 3, 5, 7 같은 숫자를 입력하십시오.</translation>
    </message>
    <message>
        <source>Guidance %1 is out of range: it goes from 0 to %2.</source>
        <translation>가이던스 %1이(가) 범위를 벗어났습니다. 가이던스는 0부터 %2까지입니다.</translation>
    </message>
    <message>
        <source>Guidance %1 is listed twice.</source>
        <translation>가이던스 %1이(가) 두 번 나옵니다.</translation>
    </message>
    <message>
        <source>More than %1 guidance values.</source>
        <translation>가이던스 값이 %1개를 넘습니다.</translation>
    </message>
    <message>
        <source>A prompt is blank.</source>
        <translation>빈 프롬프트가 있습니다.</translation>
    </message>
</context>
<context>
    <name>cosmos::projects::Commands</name>
    <message>
        <source>Select Take</source>
        <translation>테이크 선택</translation>
    </message>
    <message>
        <source>Change Prompt</source>
        <translation>프롬프트 변경</translation>
    </message>
    <message>
        <source>Change Negative Prompt</source>
        <translation>네거티브 프롬프트 변경</translation>
    </message>
    <message>
        <source>Change Conditioning</source>
        <translation>컨디셔닝 변경</translation>
    </message>
    <message>
        <source>Change Setting</source>
        <translation>설정 변경</translation>
    </message>
    <message>
        <source>Add Segment</source>
        <translation>세그먼트 추가</translation>
    </message>
    <message>
        <source>Remove Segment</source>
        <translation>세그먼트 삭제</translation>
    </message>
    <message>
        <source>Move Segment</source>
        <translation>세그먼트 이동</translation>
    </message>
</context>
<context>
    <name>cosmos::projects::ProjectStore</name>
    <message>
        <source>%1 already holds a project.</source>
        <translation>%1에 이미 프로젝트가 있습니다.</translation>
    </message>
    <message>
        <source>Cannot create the project folder %1.</source>
        <translation>프로젝트 폴더 %1을(를) 만들 수 없습니다.</translation>
    </message>
    <message>
        <source>%1 is being created by another process.</source>
        <translation>다른 프로세스에서 %1을(를) 만드는 중입니다.</translation>
    </message>
    <message>
        <source>Cannot create the project in %1: %2</source>
        <translation>%1에 프로젝트를 만들 수 없습니다: %2</translation>
    </message>
    <message>
        <source>%1 is open in another program (%2, process %3). Close it there, or open a read-only copy.</source>
        <translation>%1이(가) 다른 프로그램에서 열려 있습니다(%2, 프로세스 %3). 해당 프로그램에서 닫거나 읽기 전용 사본을 여십시오.</translation>
    </message>
    <message>
        <source>Cannot copy %1 to a temporary folder.</source>
        <translation>%1을(를) 임시 폴더로 복사할 수 없습니다.</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>%1을(를) 열 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Cannot update %1 from project format %2 to %3; nothing was changed.</source>
        <translation>%1을(를) 프로젝트 형식 %2에서 %3(으)로 업데이트할 수 없습니다. 아무것도 변경되지 않았습니다.</translation>
    </message>
    <message>
        <source>The project database refused a change: %1</source>
        <translation>프로젝트 데이터베이스가 변경을 거부했습니다: %1</translation>
    </message>
    <message>
        <source>This project is open read-only.</source>
        <translation>이 프로젝트는 읽기 전용으로 열려 있습니다.</translation>
    </message>
    <message>
        <source>There is no job %1.</source>
        <translation>작업 %1이(가) 없습니다.</translation>
    </message>
    <message>
        <source>Job %1 is %2; only interrupted, failed or cancelled jobs can be queued again.</source>
        <translation>작업 %1의 상태는 %2입니다. 중단되었거나 실패했거나 취소된 작업만 다시 대기열에 넣을 수 있습니다.</translation>
    </message>
    <message>
        <source>There is no segment %1.</source>
        <translation>세그먼트 %1이(가) 없습니다.</translation>
    </message>
    <message>
        <source>There is no take %1.</source>
        <translation>테이크 %1이(가) 없습니다.</translation>
    </message>
    <message>
        <source>Take %1 does not belong to segment %2.</source>
        <translation>테이크 %1은(는) 세그먼트 %2에 속하지 않습니다.</translation>
    </message>
    <message>
        <source>Cannot create the project in %1: the database could not be renamed into place.</source>
        <translation>%1에 프로젝트를 만들 수 없습니다: 데이터베이스 파일의 이름을 최종 이름으로 바꿀 수 없습니다.</translation>
    </message>
    <message>
        <source>There is no board %1.</source>
        <translation>보드 %1이(가) 없습니다.</translation>
    </message>
    <message>
        <source>Take %1 is already on board %2.</source>
        <translation>테이크 %1은(는) 이미 보드 %2에 있습니다.</translation>
    </message>
    <message>
        <source>Take %1 is not on board %2.</source>
        <translation>테이크 %1은(는) 보드 %2에 없습니다.</translation>
    </message>
    <message>
        <source>Job %1 is %2; only pending jobs can be edited.</source>
        <translation>작업 %1의 상태는 %2입니다. 대기 중인 작업만 편집할 수 있습니다.</translation>
    </message>
    <message>
        <source>%1 is locked (%2), and the lock could not be taken over. Close the program that uses it, or open a read-only copy.</source>
        <translation>%1이(가) 잠겨 있으며(%2) 잠금을 넘겨받을 수 없습니다. 이 프로젝트를 사용하는 프로그램을 닫거나 읽기 전용 사본을 여십시오.</translation>
    </message>
</context>
<context>
    <name>cosmos::projects::TakesModel</name>
    <message>
        <source>Take %1</source>
        <translation>테이크 %1</translation>
    </message>
</context>
<context>
    <name>cosmos::widgets</name>
    <message>
        <source>T</source>
        <comment>mode badge: text</comment>
        <translation>T</translation>
    </message>
    <message>
        <source>I</source>
        <comment>mode badge: image</comment>
        <translation>I</translation>
    </message>
    <message>
        <source>V</source>
        <comment>mode badge: video</comment>
        <translation>V</translation>
    </message>
    <message>
        <source>C</source>
        <comment>mode badge: continue</comment>
        <translation>C</translation>
    </message>
    <message>
        <source>Text2World</source>
        <translation>Text2World</translation>
    </message>
    <message>
        <source>Image2World</source>
        <translation>Image2World</translation>
    </message>
    <message>
        <source>Video2World</source>
        <translation>Video2World</translation>
    </message>
    <message>
        <source>Continue from the previous segment</source>
        <translation>이전 세그먼트에서 이어가기</translation>
    </message>
    <message>
        <source>%1 s</source>
        <comment>ruler time</comment>
        <translation>%1초</translation>
    </message>
    <message>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>default</source>
        <translation>기본값</translation>
    </message>
    <message>
        <source>on</source>
        <translation>켬</translation>
    </message>
    <message>
        <source>off</source>
        <translation>끔</translation>
    </message>
    <message>
        <source>(settings)</source>
        <translation>(설정)</translation>
    </message>
    <message>
        <source>negative</source>
        <translation>네거티브</translation>
    </message>
    <message>
        <source>%1 · Take %2</source>
        <translation>%1 · 테이크 %2</translation>
    </message>
    <message>
        <source>no prompt</source>
        <translation>프롬프트 없음</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
</context>
<context>
    <name>cosmos::widgets::AbCompareView</name>
    <message>
        <source>Drag to move the wipe line: A on its left, B on its right</source>
        <translation>드래그하여 와이프 선 이동: 선의 왼쪽은 A, 오른쪽은 B</translation>
    </message>
    <message>
        <source>Wipe</source>
        <translation>와이프</translation>
    </message>
    <message>
        <source>Wipe: A left of the line, B right of it</source>
        <translation>와이프: 선의 왼쪽은 A, 오른쪽은 B</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>차이</translation>
    </message>
    <message>
        <source>Difference: |A − B| per pixel, black where they agree</source>
        <translation>차이: 픽셀별 |A − B|, 같은 곳은 검은색</translation>
    </message>
    <message>
        <source>Smooth</source>
        <translation>부드럽게</translation>
    </message>
    <message>
        <source>Smooth scaling, else sharp pixels (nearest neighbour)</source>
        <translation>부드럽게 크기 조정, 끄면 선명한 픽셀 (최근접 이웃)</translation>
    </message>
    <message>
        <source>Wipe position: A on the left, B on the right</source>
        <translation>와이프 위치: 왼쪽은 A, 오른쪽은 B</translation>
    </message>
    <message>
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <source>B</source>
        <translation>B</translation>
    </message>
    <message>
        <source>A is %1×%2 and B is %3×%4: only clips of one size can be differenced.</source>
        <translation>A는 %1×%2, B는 %3×%4입니다. 크기가 같은 클립끼리만 차이를 계산할 수 있습니다.</translation>
    </message>
    <message>
        <source>Mean |A − B| per frame</source>
        <translation>프레임별 평균 |A − B|</translation>
    </message>
    <message>
        <source>Sizes differ</source>
        <translation>크기가 다름</translation>
    </message>
    <message>
        <source>A  %1</source>
        <translation>A  %1</translation>
    </message>
    <message>
        <source>B  %1</source>
        <translation>B  %1</translation>
    </message>
    <message>
        <source>|A − B|  mean %1</source>
        <translation>|A − B|  평균 %1</translation>
    </message>
    <message>
        <source>A: %1</source>
        <translation>A: %1</translation>
    </message>
    <message>
        <source>B: %1</source>
        <translation>B: %1</translation>
    </message>
    <message>
        <source>Black where A and B agree; brighter where they differ</source>
        <translation>A와 B가 같은 곳은 검은색, 다를수록 밝게 표시</translation>
    </message>
    <message>
        <source>Measuring |A − B| per frame…</source>
        <translation>프레임별 |A − B| 측정 중…</translation>
    </message>
    <message>
        <source>Nothing to compare yet.
Compare &gt; Compare Takes (Ctrl+Shift+B) plays the selected take against its segment&apos;s newest other; right-click a take in the Project dock to pick the other one.</source>
        <translation>아직 비교할 것이 없습니다.
비교 &gt; 테이크 A/B 비교(Ctrl+Shift+B)는 선택된 테이크를 세그먼트의 가장 최근 다른 테이크와 함께 재생합니다. 프로젝트 패널에서 테이크를 오른쪽 클릭하면 다른 테이크를 고를 수 있습니다.</translation>
    </message>
</context>
<context>
    <name>cosmos::widgets::AboutDialog</name>
    <message>
        <source>About Cosmos Studio</source>
        <translation>Cosmos Studio 정보</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Cosmos Studio %1&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;코스모스 스튜디오 %1&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Author world simulations with Cosmos-Predict2.5-class video world models: text, image or video in, a physically plausible rollout out.</source>
        <translation>Cosmos-Predict2.5급 비디오 월드 모델로 월드 시뮬레이션을 제작합니다: 텍스트, 이미지 또는 비디오를 넣으면 물리적으로 그럴듯한 전개가 나옵니다.</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>구성 요소</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>버전</translation>
    </message>
    <message>
        <source>&amp;Copy Versions</source>
        <translation>버전 복사(&amp;C)</translation>
    </message>
</context>
<context>
    <name>cosmos::widgets::BoardPanel</name>
    <message>
        <source>Labels</source>
        <translation>레이블</translation>
    </message>
    <message>
        <source>Show what differs between the takes over each cell</source>
        <translation>각 셀 위에 테이크 사이의 차이점 표시</translation>
    </message>
    <message>
        <source>Smooth</source>
        <translation>부드럽게</translation>
    </message>
    <message>
        <source>Smooth scaling, else sharp pixels (nearest neighbour)</source>
        <translation>부드럽게 크기 조정, 끄면 선명한 픽셀 (최근접 이웃)</translation>
    </message>
    <message>
        <source>Use Take %1 of the Board</source>
        <translation>보드의 %1번째 테이크 사용</translation>
    </message>
    <message>
        <source>Click a take (or press its number) to use it in its segment</source>
        <translation>테이크를 클릭하거나 번호 키를 눌러 해당 세그먼트에 사용</translation>
    </message>
    <message>
        <source>Comparison board</source>
        <translation>비교 보드</translation>
    </message>
    <message>
        <source>%1 takes · %2 frames · %3 fps</source>
        <translation>테이크 %1개 · %2프레임 · %3 fps</translation>
    </message>
</context>
<context>
    <name>cosmos::widgets::BoardView</name>
    <message>
        <source>OpenGL is not working here, so nothing can be shown.</source>
        <translation>이 환경에서는 OpenGL이 동작하지 않아 아무것도 표시할 수 없습니다.</translation>
    </message>
    <message>
        <source>No clip for this take</source>
        <translation>이 테이크에는 클립이 없습니다</translation>
    </message>
    <message>
        <source>Click to use this take in its segment</source>
        <translation>클릭하여 이 테이크를 해당 세그먼트에 사용</translation>
    </message>
    <message>
        <source>No takes on this board yet.</source>
        <translation>이 보드에는 아직 테이크가 없습니다.</translation>
    </message>
</context>
<context>
    <name>cosmos::widgets::ClockTransport</name>
    <message>
        <source>Play</source>
        <translation>재생</translation>
    </message>
    <message>
        <source>Previous Frame</source>
        <translation>이전 프레임</translation>
    </message>
    <message>
        <source>Previous frame</source>
        <translation>이전 프레임</translation>
    </message>
    <message>
        <source>Next Frame</source>
        <translation>다음 프레임</translation>
    </message>
    <message>
        <source>Next frame</source>
        <translation>다음 프레임</translation>
    </message>
    <message>
        <source>First Frame</source>
        <translation>첫 프레임</translation>
    </message>
    <message>
        <source>First frame</source>
        <translation>첫 프레임</translation>
    </message>
    <message>
        <source>Last Frame</source>
        <translation>마지막 프레임</translation>
    </message>
    <message>
        <source>Last frame</source>
        <translation>마지막 프레임</translation>
    </message>
    <message>
        <source>Loop</source>
        <translation>반복</translation>
    </message>
    <message>
        <source>Loop: start again after the last frame</source>
        <translation>반복: 마지막 프레임 다음에 처음부터 다시 재생</translation>
    </message>
    <message>
        <source>Drag to scrub; every clip follows</source>
        <translation>드래그하여 탐색, 모든 클립이 함께 따라감</translation>
    </message>
    <message>
        <source>Frame shown / frames of the longest clip</source>
        <translation>표시 중인 프레임 / 가장 긴 클립의 전체 프레임 수</translation>
    </message>
    <message>
        <source> fps</source>
        <translation> fps</translation>
    </message>
    <message>
        <source>Playback speed in frames per second</source>
        <translation>재생 속도 (초당 프레임 수)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>일시 중지</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
</context>
<context>
    <name>cosmos::widgets::DifferencePlot</name>
    <message>
        <source>Mean difference per frame</source>
        <translation>프레임별 평균 차이</translation>
    </message>
    <message>
        <source>Mean |A − B| per frame, on a 0–255 scale; click or drag to go to a frame</source>
        <translation>프레임별 평균 |A − B| (0–255 척도). 클릭하거나 드래그하여 해당 프레임으로 이동</translation>
    </message>
    <message>
        <source>Nothing to compare</source>
        <translation>비교할 내용 없음</translation>
    </message>
    <message>
        <source>frame %1: %2</source>
        <translation>프레임 %1: %2</translation>
    </message>
</context>
<context>
    <name>cosmos::widgets::ExportDialog</name>
    <message>
        <source>Export</source>
        <translation>내보내기</translation>
    </message>
    <message>
        <source>A take, the whole timeline (each segment&apos;s selected take in order), or a comparison board as one grid video</source>
        <translation>테이크, 전체 타임라인 (각 세그먼트의 선택된 테이크를 순서대로), 또는 비교 보드를 하나의 그리드 비디오로</translation>
    </message>
    <message>
        <source>MP4 (H.264)</source>
        <translation>MP4 (H.264)</translation>
    </message>
    <message>
        <source>WebM (VP9)</source>
        <translation>WebM (VP9)</translation>
    </message>
    <message>
        <source>GIF</source>
        <translation>GIF</translation>
    </message>
    <message>
        <source>PNG sequence (a folder)</source>
        <translation>PNG 시퀀스 (폴더)</translation>
    </message>
    <message>
        <source> fps</source>
        <translation> fps</translation>
    </message>
    <message>
        <source>The clips&apos; own rate</source>
        <translation>클립 원래 속도</translation>
    </message>
    <message>
        <source>Playback rate; every frame is kept, so another rate plays faster or slower</source>
        <translation>재생 속도. 모든 프레임이 유지되므로 다른 속도로 설정하면 더 빠르거나 느리게 재생됩니다</translation>
    </message>
    <message>
        <source>×</source>
        <translation>×</translation>
    </message>
    <message>
        <source>Enlarge the picture (nano clips are 64x64 pixels)</source>
        <translation>영상 확대 (nano 클립은 64x64 픽셀)</translation>
    </message>
    <message>
        <source>Nearest (sharp pixels)</source>
        <translation>최근접 (선명한 픽셀)</translation>
    </message>
    <message>
        <source>Bilinear</source>
        <translation>쌍선형</translation>
    </message>
    <message>
        <source>Bicubic</source>
        <translation>쌍삼차</translation>
    </message>
    <message>
        <source>Lanczos</source>
        <translation>Lanczos</translation>
    </message>
    <message>
        <source>How the picture is enlarged</source>
        <translation>영상을 확대하는 방식</translation>
    </message>
    <message>
        <source>Higher is better and larger (MP4 and WebM; GIF and PNG keep every colour they can)</source>
        <translation>높을수록 품질이 좋고 파일이 커집니다 (MP4와 WebM. GIF와 PNG는 가능한 모든 색을 유지합니다)</translation>
    </message>
    <message>
        <source>Where to write the file</source>
        <translation>파일을 저장할 위치</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>찾아보기…</translation>
    </message>
    <message>
        <source>Choose where to write the export</source>
        <translation>내보낼 파일을 저장할 위치 선택</translation>
    </message>
    <message>
        <source>Write the export</source>
        <translation>파일로 내보내기</translation>
    </message>
    <message>
        <source>Cancel Export</source>
        <translation>내보내기 취소</translation>
    </message>
    <message>
        <source>Stop the export; nothing is written</source>
        <translation>내보내기 중지, 아무것도 저장되지 않음</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>취소 중…</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>형식</translation>
    </message>
    <message>
        <source>Frame rate</source>
        <translation>프레임 속도</translation>
    </message>
    <message>
        <source>Scale</source>
        <translation>배율</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>품질</translation>
    </message>
    <message>
        <source>Save to</source>
        <translation>저장 위치</translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>%1에 저장했습니다</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>내보내기 실패: %1</translation>
    </message>
    <message>
        <source>Export cancelled: nothing was written.</source>
        <translation>내보내기가 취소되었습니다. 아무것도 저장되지 않았습니다.</translation>
    </message>
    <message>
        <source>There is nothing to export yet.</source>
        <translation>아직 내보낼 것이 없습니다.</translation>
    </message>
    <message>
        <source>Choose where to write the export.</source>
        <translation>내보낼 파일을 저장할 위치를 선택하십시오.</translation>
    </message>
    <message>
        <source>Replace Existing File?</source>
        <translation>기존 파일을 바꾸시겠습니까?</translation>
    </message>
    <message>
        <source>“%1” already exists. Replace it?</source>
        <translation>“%1”이(가) 이미 있습니다. 바꾸시겠습니까?</translation>
    </message>
    <message>
        <source>Not exported: the existing file was kept.</source>
        <translation>내보내지 않았습니다. 기존 파일은 그대로 두었습니다.</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>내보내는 중…</translation>
    </message>
    <message>
        <source>PNG sequence folder (*)</source>
        <translation>PNG 시퀀스 폴더 (*)</translation>
    </message>
    <message>
        <source>%1 (*%2)</source>
        <translation>%1 (*%2)</translation>
    </message>
    <message>
        <source>Export To</source>
        <translation>내보낼 위치</translation>
    </message>
</context>
<context>
    <name>cosmos::widgets::GenerationSettingsPanel</name>
    <message>
        <source>The world model that generates the take</source>
        <translation>테이크를 생성하는 월드 모델</translation>
    </message>
    <message>
        <source>Sampling steps: more are slower and usually cleaner</source>
        <translation>샘플링 단계 수: 많을수록 느리지만 대개 더 깨끗합니다</translation>
    </message>
    <message>
        <source>How strongly the clip follows the prompt (0: not guided)</source>
        <translation>클립이 프롬프트를 따르는 강도 (0: 가이던스 없음)</translation>
    </message>
    <message>
        <source>Random</source>
        <translation>무작위</translation>
    </message>
    <message>
        <source>The seed of the noise: the same seed and settings give the same take. Typing a seed locks it.</source>
        <translation>노이즈의 시드: 시드와 설정이 같으면 같은 테이크가 나옵니다. 시드를 입력하면 고정됩니다.</translation>
    </message>
    <message>
        <source>Lock the seed: every take uses it. Unlocked, each Generate draws a new seed.</source>
        <translation>시드 고정: 모든 테이크가 이 시드를 사용합니다. 고정하지 않으면 생성할 때마다 새 시드를 뽑습니다.</translation>
    </message>
    <message>
        <source>Draw a new seed now</source>
        <translation>지금 새 시드 뽑기</translation>
    </message>
    <message>
        <source>The solver that steps from noise to the clip</source>
        <translation>노이즈에서 클립까지 단계를 밟아 가는 솔버</translation>
    </message>
    <message>
        <source>The clip&apos;s length: the frame counts the model was trained for</source>
        <translation>클립 길이: 모델이 학습된 프레임 수</translation>
    </message>
    <message>
        <source>Width x height of the clip, as the model allows</source>
        <translation>클립의 너비 x 높이 (모델이 허용하는 값)</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>모델</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>단계</translation>
    </message>
    <message>
        <source>Guidance</source>
        <translation>가이던스</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>시드</translation>
    </message>
    <message>
        <source>Sampler</source>
        <translation>샘플러</translation>
    </message>
    <message>
        <source>Frames</source>
        <translation>프레임</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>해상도</translation>
    </message>
    <message>
        <source>Model &quot;%1&quot; is not installed; %2 is used.</source>
        <translation>모델 &quot;%1&quot;이(가) 설치되어 있지 않아 %2을(를) 사용합니다.</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; is not a number; %3 is used.</source>
        <translation>%1 &quot;%2&quot;은(는) 숫자가 아니므로 %3을(를) 사용합니다.</translation>
    </message>
    <message>
        <source>%1 %2 is outside %3 to %4; %5 is used.</source>
        <translation>%1 %2은(는) %3~%4 범위를 벗어나므로 %5을(를) 사용합니다.</translation>
    </message>
    <message>
        <source>Sampler &quot;%1&quot; is not offered by %2; %3 is used.</source>
        <translation>%2에서는 샘플러 &quot;%1&quot;을(를) 제공하지 않아 %3을(를) 사용합니다.</translation>
    </message>
    <message>
        <source>Resolution %1 is not offered by %2; %3 is used.</source>
        <translation>%2에서는 해상도 %1을(를) 제공하지 않아 %3을(를) 사용합니다.</translation>
    </message>
    <message>
        <source>%1 frames (%2 s)</source>
        <translation>%1프레임 (%2초)</translation>
    </message>
    <message>
        <source>%1 x %2</source>
        <translation>%1 x %2</translation>
    </message>
    <message>
        <source>No model is installed: add one in the model manager.</source>
        <translation>설치된 모델이 없습니다. 모델 관리자에서 모델을 추가하십시오.</translation>
    </message>
    <message>
        <source>%2 does not offer %1 frames; the nearest count, %3, is used.</source>
        <translation>%2에서는 %1프레임을 제공하지 않아 가장 가까운 값인 %3프레임을 사용합니다.</translation>
    </message>
</context>
<context>
    <name>cosmos::widgets::InspectorPanel</name>
    <message>
        <source>Text to world</source>
        <translation>텍스트에서 월드로</translation>
    </message>
    <message>
        <source>Image to world</source>
        <translation>이미지에서 월드로</translation>
    </message>
    <message>
        <source>Video to world</source>
        <translation>비디오에서 월드로</translation>
    </message>
    <message>
        <source>Continues the previous segment</source>
        <translation>이전 세그먼트에서 이어짐</translation>
    </message>
    <message>
        <source>Select a segment on the timeline to write its prompt and generate it.</source>
        <translation>타임라인에서 세그먼트를 선택하면 프롬프트를 작성하고 생성할 수 있습니다.</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>설정</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>생성</translation>
    </message>
    <message>
        <source>Generate a take of this segment (%1)</source>
        <translation>이 세그먼트의 테이크 생성 (%1)</translation>
    </message>
    <message>
        <source>Queue a take of the selected segment</source>
        <translation>선택한 세그먼트의 테이크를 대기열에 추가</translation>
    </message>
    <message>
        <source>or press %1</source>
        <translation>또는 %1 키</translation>
    </message>
    <message>
        <source>No segment selected</source>
        <translation>선택된 세그먼트 없음</translation>
    </message>
    <message>
        <source>Segment %1</source>
        <translation>세그먼트 %1</translation>
    </message>
    <message>
        <source> · stale: the take it continues from has changed</source>
        <translation> · 갱신 필요: 이어받는 테이크가 변경되었습니다</translation>
    </message>
    <message>
        <source>Apply Preset %1</source>
        <translation>프리셋 %1 적용</translation>
    </message>
</context>
<context>
    <name>cosmos::widgets::JobEditDialog</name>
    <message>
        <source>Edit Queued Job</source>
        <translation>대기 중인 작업 편집</translation>
    </message>
    <message>
        <source>What must not happen (optional)</source>
        <translation>일어나면 안 되는 것 (선택 사항)</translation>
    </message>
    <message>
        <source>Save Changes</source>
        <translation>변경 사항 저장</translation>
    </message>
    <message>
        <source>Keep the edits for when the job runs (%1)</source>
        <translation>작업이 실행될 때 쓸 편집 내용 저장 (%1)</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>프롬프트</translation>
    </message>
    <message>
        <source>Negative prompt</source>
        <translation>네거티브 프롬프트</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>단계</translation>
    </message>
    <message>
        <source>Guidance</source>
        <translation>가이던스</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>시드</translation>
    </message>
</context>
<context>
    <name>cosmos::widgets::JobItemDelegate</name>
    <message>
        <source>Pending</source>
        <translation>대기 중</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>실행 중</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>일시 중지됨</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>완료</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>취소됨</translation>
    </message>
    <message>
        <source>Interrupted</source>
        <translation>중단됨</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>%1 남음</translation>
    </message>
    <message>
        <source>Step %1/%2</source>
        <translation>단계 %1/%2</translation>
    </message>
    <message>
        <source>(no prompt)</source>
        <translation>(프롬프트 없음)</translation>
    </message>
    <message>
        <source>Segment %1</source>
        <translation>세그먼트 %1</translation>
    </message>
    <message>
        <source>Segment removed</source>
        <translation>세그먼트 삭제됨</translation>
    </message>
    <message>
        <source>%1 frames</source>
        <translation>%1프레임</translation>
    </message>
    <message>
        <source>%1 steps</source>
        <translation>%1단계</translation>
    </message>
    <message>
        <source>seed %1</source>
        <translation>시드 %1</translation>
    </message>
    <message>
        <source>Model: %1</source>
        <translation>모델: %1</translation>
    </message>
    <message>
        <source>Guidance: %1</source>
        <translation>가이던스: %1</translation>
    </message>
    <message>
        <source>Negative prompt: %1</source>
        <translation>네거티브 프롬프트: %1</translation>
    </message>
    <message>
        <source>encoding the prompt</source>
        <translation>프롬프트 인코딩 중</translation>
    </message>
    <message>
        <source>encoding the conditioning</source>
        <translation>컨디셔닝 인코딩 중</translation>
    </message>
    <message>
        <source>sampling</source>
        <translation>샘플링 중</translation>
    </message>
    <message>
        <source>decoding</source>
        <translation>디코딩 중</translation>
    </message>
</context>
<context>
    <name>cosmos::widgets::JobQueueView</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>No jobs. Press Ctrl+Return to generate the selected segment.</source>
        <translation>작업이 없습니다. Ctrl+Return을 눌러 선택한 세그먼트를 생성하십시오.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Cancel the running job now, or the selected one</source>
        <translation>실행 중인 작업 또는 선택한 작업을 지금 취소</translation>
    </message>
    <message>
        <source>Cancel After This Take</source>
        <translation>이 테이크 후 취소</translation>
    </message>
    <message>
        <source>After Take</source>
        <translation>테이크 후</translation>
    </message>
    <message>
        <source>Let the running take finish, then stop the job</source>
        <translation>실행 중인 테이크를 마친 뒤 작업 중지</translation>
    </message>
    <message>
        <source>Pause Queue</source>
        <translation>대기열 일시 중지</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>일시 중지</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>편집…</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>편집</translation>
    </message>
    <message>
        <source>Change the prompt or settings of the selected pending job</source>
        <translation>선택한 대기 중인 작업의 프롬프트나 설정 변경</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>제거</translation>
    </message>
    <message>
        <source>Remove the selected job from the queue</source>
        <translation>선택한 작업을 대기열에서 제거</translation>
    </message>
    <message>
        <source>Clear Finished</source>
        <translation>끝난 작업 지우기</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>지우기</translation>
    </message>
    <message>
        <source>Remove the done, failed and cancelled jobs from the queue</source>
        <translation>완료, 실패, 취소된 작업을 대기열에서 제거</translation>
    </message>
    <message>
        <source>The queue is paused: no new job starts until you resume it.</source>
        <translation>대기열이 일시 중지되었습니다. 재개할 때까지 새 작업이 시작되지 않습니다.</translation>
    </message>
    <message>
        <source>Job Not Changed</source>
        <translation>작업이 변경되지 않음</translation>
    </message>
    <message>
        <source>Resume Queue</source>
        <translation>대기열 재개</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>재개</translation>
    </message>
    <message>
        <source>Start queued jobs again (%1)</source>
        <translation>대기 중인 작업 다시 시작 (%1)</translation>
    </message>
    <message>
        <source>Start no new job; the running one goes on (%1)</source>
        <translation>새 작업을 시작하지 않음, 실행 중인 작업은 계속됨 (%1)</translation>
    </message>
    <message>
        <source>%1 running · %2 pending · %3 finished</source>
        <translation>실행 중 %1 · 대기 중 %2 · 끝남 %3</translation>
    </message>
</context>
<context>
    <name>cosmos::widgets::ModelList</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>cosmos::widgets::ModelManagerDialog</name>
    <message>
        <source>Models</source>
        <translation>모델</translation>
    </message>
    <message>
        <source>The built-in nano model is always here. To add a Cosmos-Predict2.5 checkpoint, choose the folder that holds its config.json, weights and tokenizer.json; the studio checks every file before it offers the model.</source>
        <translation>내장 nano 모델은 항상 있습니다. Cosmos-Predict2.5 체크포인트를 추가하려면 config.json, 가중치, tokenizer.json이 들어 있는 폴더를 선택하십시오. 스튜디오는 모든 파일을 검사한 뒤에 모델을 제공합니다.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>크기</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>폴더</translation>
    </message>
    <message>
        <source>Not checked</source>
        <translation>검사 안 함</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>검사 중…</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>정상</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>문제</translation>
    </message>
    <message>
        <source>&amp;Add Model Folder…</source>
        <translation>모델 폴더 추가(&amp;A)…</translation>
    </message>
    <message>
        <source>Add a model from the folder that holds its files</source>
        <translation>모델 파일이 들어 있는 폴더에서 모델 추가</translation>
    </message>
    <message>
        <source>&amp;Verify</source>
        <translation>검사(&amp;V)</translation>
    </message>
    <message>
        <source>Check the selected model&apos;s files again</source>
        <translation>선택한 모델의 파일을 다시 검사</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>제거(&amp;R)</translation>
    </message>
    <message>
        <source>Forget the selected model folder (its files stay on disk)</source>
        <translation>선택한 모델 폴더를 목록에서 제거 (파일은 디스크에 남음)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <source>Choose a Model Folder</source>
        <translation>모델 폴더 선택</translation>
    </message>
    <message>
        <source>This folder is listed already.</source>
        <translation>이 폴더는 이미 목록에 있습니다.</translation>
    </message>
    <message>
        <source>%1 (built-in)</source>
        <translation>%1 (내장)</translation>
    </message>
    <message>
        <source>(not installed)</source>
        <translation>(설치되지 않음)</translation>
    </message>
    <message>
        <source>Not checked yet: press Verify (F5) to check its files.</source>
        <translation>아직 검사하지 않았습니다. 검사(F5)를 눌러 파일을 검사하십시오.</translation>
    </message>
    <message>
        <source>Checking the files…</source>
        <translation>파일 검사 중…</translation>
    </message>
    <message>
        <source>Ready to use.</source>
        <translation>사용할 준비가 되었습니다.</translation>
    </message>
    <message>
        <source>Problem:</source>
        <translation>문제:</translation>
    </message>
    <message>
        <source>The model is not offered for generation until its files pass the check. Fix them and press Verify (F5), or remove the folder.</source>
        <translation>파일이 검사를 통과할 때까지 이 모델은 생성에 사용할 수 없습니다. 파일을 고친 뒤 검사(F5)를 누르거나 폴더를 제거하십시오.</translation>
    </message>
    <message>
        <source>What was checked</source>
        <translation>검사한 항목</translation>
    </message>
    <message>
        <source>Checking %1…</source>
        <translation>%1 검사 중…</translation>
    </message>
</context>
<context>
    <name>cosmos::widgets::PlayerBar</name>
    <message>
        <source>1:1</source>
        <translation>1:1 크기</translation>
    </message>
    <message>
        <source>Actual size: one clip pixel per screen pixel, else fit</source>
        <translation>실제 크기: 클립 픽셀 하나를 화면 픽셀 하나로 표시, 끄면 창에 맞춤</translation>
    </message>
    <message>
        <source>Smooth</source>
        <translation>부드럽게</translation>
    </message>
    <message>
        <source>Smooth scaling, else sharp pixels (nearest neighbour)</source>
        <translation>부드럽게 크기 조정, 끄면 선명한 픽셀 (최근접 이웃)</translation>
    </message>
    <message>
        <source>Drag to scrub through the clip</source>
        <translation>드래그하여 클립 탐색</translation>
    </message>
    <message>
        <source>Frame shown / frames in the clip</source>
        <translation>표시 중인 프레임 / 클립의 전체 프레임 수</translation>
    </message>
</context>
<context>
    <name>cosmos::widgets::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>환경 설정</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>엔진</translation>
    </message>
    <message>
        <source>Automatic (CUDA when present, else CPU)</source>
        <translation>자동 (CUDA가 있으면 CUDA, 없으면 CPU)</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>CUDA GPU</source>
        <translation>CUDA GPU</translation>
    </message>
    <message>
        <source>&amp;Device:</source>
        <translation>장치(&amp;D):</translation>
    </message>
    <message>
        <source>Automatic (%1)</source>
        <translation>자동 (%1)</translation>
    </message>
    <message>
        <source>Threads the engine uses on the CPU; automatic leaves one core to the window</source>
        <translation>엔진이 CPU에서 사용하는 스레드 수. 자동이면 창을 위해 코어 하나를 남겨 둡니다</translation>
    </message>
    <message>
        <source>CPU &amp;threads:</source>
        <translation>CPU 스레드(&amp;T):</translation>
    </message>
    <message>
        <source>Device and thread changes apply when the engine next loads a model.</source>
        <translation>장치와 스레드 변경 사항은 엔진이 다음에 모델을 로드할 때 적용됩니다.</translation>
    </message>
    <message>
        <source>Defaults for New Segments</source>
        <translation>새 세그먼트 기본값</translation>
    </message>
    <message>
        <source>Model default</source>
        <translation>모델 기본값</translation>
    </message>
    <message>
        <source>Sampling steps; more are slower and usually cleaner</source>
        <translation>샘플링 단계 수. 많을수록 느리지만 대개 더 깨끗합니다</translation>
    </message>
    <message>
        <source>&amp;Steps:</source>
        <translation>단계(&amp;S):</translation>
    </message>
    <message>
        <source>How strongly the prompt steers the video (classifier-free guidance)</source>
        <translation>프롬프트가 비디오를 이끄는 강도 (classifier-free guidance)</translation>
    </message>
    <message>
        <source>&amp;Guidance:</source>
        <translation>가이던스(&amp;G):</translation>
    </message>
    <message>
        <source>&amp;Frames:</source>
        <translation>프레임(&amp;F):</translation>
    </message>
    <message>
        <source>A model default follows the model each segment uses.</source>
        <translation>모델 기본값은 각 세그먼트가 사용하는 모델을 따릅니다.</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>모양</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>시스템 설정 따르기</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>밝게</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>어둡게</translation>
    </message>
    <message>
        <source>T&amp;heme:</source>
        <translation>테마(&amp;H):</translation>
    </message>
    <message>
        <source>%1 (Korean)</source>
        <translation>%1</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>언어(&amp;L):</translation>
    </message>
    <message>
        <source>The language changes when the studio restarts.</source>
        <translation>언어는 스튜디오를 다시 시작하면 바뀝니다.</translation>
    </message>
    <message>
        <source>Frames per segment: 1 + 4k (1, 5, 9, 13, 17, ...)</source>
        <translation>세그먼트당 프레임 수: 1 + 4k (1, 5, 9, 13, 17, ...)</translation>
    </message>
</context>
<context>
    <name>cosmos::widgets::PreviewPanel</name>
    <message>
        <source>Size, length and speed of what is shown</source>
        <translation>표시 중인 영상의 크기, 길이, 속도</translation>
    </message>
    <message>
        <source>Live preview</source>
        <translation>실시간 미리보기</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>미리보기</translation>
    </message>
    <message>
        <source>%1 · step %2/%3</source>
        <translation>%1 · 단계 %2/%3</translation>
    </message>
    <message>
        <source>%1 · step %2</source>
        <translation>%1 · 단계 %2</translation>
    </message>
    <message>
        <source>%1 · segment %2/%3</source>
        <translation>%1 · 세그먼트 %2/%3</translation>
    </message>
    <message>
        <source>%1×%2 · %3 frames · %4 fps</source>
        <translation>%1×%2 · %3프레임 · %4 fps</translation>
    </message>
</context>
<context>
    <name>cosmos::widgets::PreviewView</name>
    <message>
        <source>Nothing to show yet.
Generate a take or pick one on the timeline.</source>
        <translation>아직 표시할 내용이 없습니다.
테이크를 생성하거나 타임라인에서 선택하십시오.</translation>
    </message>
    <message>
        <source>OpenGL is not working here, so nothing can be shown.</source>
        <translation>이 환경에서는 OpenGL이 동작하지 않아 아무것도 표시할 수 없습니다.</translation>
    </message>
</context>
<context>
    <name>cosmos::widgets::ProjectBrowser</name>
    <message>
        <source>queued</source>
        <translation>대기 중</translation>
    </message>
    <message>
        <source>running</source>
        <translation>실행 중</translation>
    </message>
    <message>
        <source>done</source>
        <translation>완료</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>취소됨</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>중단됨</translation>
    </message>
    <message>
        <source>text</source>
        <translation>텍스트</translation>
    </message>
    <message>
        <source>image</source>
        <translation>이미지</translation>
    </message>
    <message>
        <source>video</source>
        <translation>비디오</translation>
    </message>
    <message>
        <source>continue</source>
        <translation>이어가기</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>항목</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>세부 정보</translation>
    </message>
    <message>
        <source>No project open.</source>
        <translation>열린 프로젝트가 없습니다.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>타임라인</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>(no prompt)</source>
        <translation>(프롬프트 없음)</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n take(s)</source>
        <translation>
            <numerusform>%1 · 테이크 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source> · stale</source>
        <translation> · 갱신 필요</translation>
    </message>
    <message>
        <source>Take %1%2</source>
        <translation>테이크 %1%2</translation>
    </message>
    <message>
        <source> (selected)</source>
        <translation> (선택됨)</translation>
    </message>
    <message>
        <source>seed %1 · %2</source>
        <translation>시드 %1 · %2</translation>
    </message>
    <message>
        <source>Comparison boards</source>
        <translation>비교 보드</translation>
    </message>
    <message numerus="yes">
        <source>%n take(s)</source>
        <translation>
            <numerusform>테이크 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>%1
Double-click to show it in the Board tab</source>
        <translation>%1
두 번 클릭하면 보드 탭에 표시됩니다</translation>
    </message>
    <message>
        <source>&amp;Rename Board</source>
        <translation>보드 이름 바꾸기(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Delete Board...</source>
        <translation>보드 삭제(&amp;D)...</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>표시(&amp;S)</translation>
    </message>
    <message>
        <source>Cannot rename the board</source>
        <translation>보드 이름을 바꿀 수 없습니다</translation>
    </message>
    <message>
        <source>Delete Board</source>
        <translation>보드 삭제</translation>
    </message>
    <message numerus="yes">
        <source>Delete the board &quot;%1&quot;? Its %n take(s) stay on the timeline; the board cannot be brought back.</source>
        <translation>
            <numerusform>보드 “%1”을(를) 삭제하시겠습니까? 테이크 %n개는 타임라인에 남습니다. 보드는 되돌릴 수 없습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot delete the board</source>
        <translation>보드를 삭제할 수 없습니다</translation>
    </message>
    <message>
        <source>&amp;Compare with the Selected Take (A/B)</source>
        <translation>선택된 테이크와 비교(A/B)(&amp;C)</translation>
    </message>
</context>
<context>
    <name>cosmos::widgets::PromptEditor</name>
    <message>
        <source>Describe what happens, e.g. &quot;A robot arm picks up the red cube and places it in the bowl.&quot;</source>
        <translation>일어나는 일을 설명하십시오. 예: &quot;A robot arm picks up the red cube and places it in the bowl.&quot;</translation>
    </message>
    <message>
        <source>What must not happen (optional)</source>
        <translation>일어나면 안 되는 것 (선택 사항)</translation>
    </message>
    <message>
        <source>History</source>
        <translation>기록</translation>
    </message>
    <message>
        <source>Presets</source>
        <translation>프리셋</translation>
    </message>
    <message>
        <source>Save the prompt and settings under a name, or start from a saved preset</source>
        <translation>프롬프트와 설정을 이름을 붙여 저장하거나 저장된 프리셋에서 시작</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>프롬프트</translation>
    </message>
    <message>
        <source>Negative prompt</source>
        <translation>네거티브 프롬프트</translation>
    </message>
    <message>
        <source>%1 / %2 tokens</source>
        <translation>%1 / %2 토큰</translation>
    </message>
    <message>
        <source>The model reads only the first %1 tokens; the end of the negative prompt is cut off.</source>
        <translation>모델은 처음 %1개 토큰만 읽습니다. 네거티브 프롬프트의 끝부분은 잘립니다.</translation>
    </message>
    <message>
        <source>The model reads only the first %1 tokens; the end of the prompt is cut off.</source>
        <translation>모델은 처음 %1개 토큰만 읽습니다. 프롬프트의 끝부분은 잘립니다.</translation>
    </message>
    <message>
        <source>Tokens as the model&apos;s tokenizer counts them</source>
        <translation>모델의 토크나이저로 센 토큰 수</translation>
    </message>
    <message>
        <source>No prompts yet: they appear here once you generate</source>
        <translation>아직 프롬프트가 없습니다. 생성하면 여기에 표시됩니다</translation>
    </message>
    <message>
        <source>Clear History</source>
        <translation>기록 지우기</translation>
    </message>
    <message>
        <source>No presets yet</source>
        <translation>아직 프리셋이 없습니다</translation>
    </message>
    <message>
        <source>Use the prompt and settings of %1</source>
        <translation>%1의 프롬프트와 설정 사용</translation>
    </message>
    <message>
        <source>Save as Preset…</source>
        <translation>프리셋으로 저장…</translation>
    </message>
    <message>
        <source>Delete Preset</source>
        <translation>프리셋 삭제</translation>
    </message>
    <message>
        <source>Save Preset</source>
        <translation>프리셋 저장</translation>
    </message>
    <message>
        <source>Name of the preset (a preset of the same name is replaced):</source>
        <translation>프리셋 이름 (같은 이름의 프리셋은 대체됩니다):</translation>
    </message>
    <message>
        <source>Recall a prompt used for an earlier take</source>
        <translation>이전 테이크에 사용한 프롬프트 불러오기</translation>
    </message>
</context>
<context>
    <name>cosmos::widgets::PromptMatrixDialog</name>
    <message>
        <source>under a minute</source>
        <translation>1분 미만</translation>
    </message>
    <message>
        <source>about %1 min</source>
        <translation>약 %1분</translation>
    </message>
    <message>
        <source>about %1 h %2 min</source>
        <translation>약 %1시간 %2분</translation>
    </message>
    <message>
        <source>Prompt Matrix</source>
        <translation>프롬프트 매트릭스</translation>
    </message>
    <message>
        <source>One prompt per line, or a template:
a {red|blue} ball {drops|bounces}</source>
        <translation>한 줄에 프롬프트 하나, 또는 템플릿:
a {red|blue} ball {drops|bounces}</translation>
    </message>
    <message>
        <source>Each line is a prompt; {a|b} tries each alternative in turn</source>
        <translation>한 줄이 프롬프트 하나입니다. {a|b}는 각 대안을 차례로 시도합니다</translation>
    </message>
    <message>
        <source>The segment&apos;s seed, or e.g. 1, 2, 3 or 1-4</source>
        <translation>세그먼트의 시드, 또는 예: 1, 2, 3 또는 1-4</translation>
    </message>
    <message>
        <source>Seeds to try: a list, a range like 1-4, or both; empty keeps the segment&apos;s seed</source>
        <translation>시도할 시드: 목록, 1-4 같은 범위, 또는 둘 다. 비워 두면 세그먼트의 시드를 유지합니다</translation>
    </message>
    <message>
        <source>How many random seeds to draw</source>
        <translation>뽑을 무작위 시드 개수</translation>
    </message>
    <message>
        <source>&amp;Random</source>
        <translation>무작위(&amp;R)</translation>
    </message>
    <message>
        <source>Fill in that many random seeds (Alt+R)</source>
        <translation>그 개수만큼 무작위 시드 채우기 (Alt+R)</translation>
    </message>
    <message>
        <source>The segment&apos;s guidance, or e.g. 3, 5, 7</source>
        <translation>세그먼트의 가이던스, 또는 예: 3, 5, 7</translation>
    </message>
    <message>
        <source>Guidance values to try; empty keeps the segment&apos;s guidance</source>
        <translation>시도할 가이던스 값. 비워 두면 세그먼트의 가이던스를 유지합니다</translation>
    </message>
    <message>
        <source>The comparison board the takes fill as they finish</source>
        <translation>테이크가 완료되는 대로 채워질 비교 보드</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>대기열에 추가</translation>
    </message>
    <message>
        <source>Queue the takes as one batch (%1)</source>
        <translation>테이크를 한 묶음으로 대기열에 추가 (%1)</translation>
    </message>
    <message>
        <source>Prompts</source>
        <translation>프롬프트</translation>
    </message>
    <message>
        <source>Seeds</source>
        <translation>시드</translation>
    </message>
    <message>
        <source>Guidance</source>
        <translation>가이던스</translation>
    </message>
    <message>
        <source>Board</source>
        <translation>보드</translation>
    </message>
    <message>
        <source>Prompts: %1</source>
        <translation>프롬프트: %1</translation>
    </message>
    <message>
        <source>Write at least one prompt.</source>
        <translation>프롬프트를 하나 이상 입력하십시오.</translation>
    </message>
    <message>
        <source>Seeds: %1</source>
        <translation>시드: %1</translation>
    </message>
    <message>
        <source>Guidance: %1</source>
        <translation>가이던스: %1</translation>
    </message>
    <message>
        <source>No takes</source>
        <translation>테이크 없음</translation>
    </message>
    <message>
        <source>1 take</source>
        <translation>테이크 1개</translation>
    </message>
    <message>
        <source>%1 takes</source>
        <translation>테이크 %1개</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>1 prompt</source>
        <translation>프롬프트 1개</translation>
    </message>
    <message>
        <source>%1 prompts</source>
        <translation>프롬프트 %1개</translation>
    </message>
    <message>
        <source>the segment&apos;s seed</source>
        <translation>세그먼트의 시드</translation>
    </message>
    <message>
        <source>1 seed</source>
        <translation>시드 1개</translation>
    </message>
    <message>
        <source>%1 seeds</source>
        <translation>시드 %1개</translation>
    </message>
    <message>
        <source>the segment&apos;s guidance</source>
        <translation>세그먼트의 가이던스</translation>
    </message>
    <message>
        <source>1 guidance value</source>
        <translation>가이던스 값 1개</translation>
    </message>
    <message>
        <source>%1 guidance values</source>
        <translation>가이던스 값 %1개</translation>
    </message>
    <message>
        <source>%1 (%2 × %3 × %4)</source>
        <translation>%1 (%2 × %3 × %4)</translation>
    </message>
    <message>
        <source>Matrix</source>
        <translation>매트릭스</translation>
    </message>
    <message>
        <source>Matrix: %1</source>
        <translation>매트릭스: %1</translation>
    </message>
</context>
<context>
    <name>cosmos::widgets::StudioStatusBar</name>
    <message>
        <source>The job queue</source>
        <translation>작업 대기열</translation>
    </message>
    <message>
        <source>The model the engine has loaded</source>
        <translation>엔진이 로드한 모델</translation>
    </message>
    <message>
        <source>Where the engine runs</source>
        <translation>엔진이 실행되는 장치</translation>
    </message>
    <message>
        <source>Memory the studio holds (resident set)</source>
        <translation>스튜디오가 사용 중인 메모리 (상주 메모리)</translation>
    </message>
    <message>
        <source>Device: —</source>
        <translation>장치: —</translation>
    </message>
    <message>
        <source>No model loaded</source>
        <translation>로드된 모델 없음</translation>
    </message>
    <message>
        <source>Model: %1</source>
        <translation>모델: %1</translation>
    </message>
    <message>
        <source>Memory: unknown</source>
        <translation>메모리: 알 수 없음</translation>
    </message>
    <message>
        <source>Memory: %1</source>
        <translation>메모리: %1</translation>
    </message>
</context>
<context>
    <name>cosmos::widgets::TakeStackPopup</name>
    <message>
        <source>queued</source>
        <translation>대기 중</translation>
    </message>
    <message>
        <source>generating</source>
        <translation>생성 중</translation>
    </message>
    <message>
        <source>done</source>
        <translation>완료</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>취소됨</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>중단됨</translation>
    </message>
    <message>
        <source>Takes: click one to use it (Enter)</source>
        <translation>테이크: 사용할 테이크를 클릭하십시오 (Enter)</translation>
    </message>
    <message>
        <source>%1 s to make</source>
        <translation>생성에 %1초</translation>
    </message>
    <message>
        <source>in use</source>
        <translation>사용 중</translation>
    </message>
    <message>
        <source>Take %1 · seed %2</source>
        <translation>테이크 %1 · 시드 %2</translation>
    </message>
    <message>
        <source>Take %1</source>
        <translation>테이크 %1</translation>
    </message>
</context>
<context>
    <name>cosmos::widgets::TimelineActions</name>
    <message>
        <source>&amp;Add Segment</source>
        <translation>세그먼트 추가(&amp;A)</translation>
    </message>
    <message>
        <source>Add a segment at the end of the timeline</source>
        <translation>타임라인 끝에 세그먼트 추가</translation>
    </message>
    <message>
        <source>&amp;Insert Segment</source>
        <translation>세그먼트 삽입(&amp;I)</translation>
    </message>
    <message>
        <source>Insert a segment before the selected one</source>
        <translation>선택한 세그먼트 앞에 세그먼트 삽입</translation>
    </message>
    <message>
        <source>D&amp;uplicate Segment</source>
        <translation>세그먼트 복제(&amp;U)</translation>
    </message>
    <message>
        <source>Copy the selected segment&apos;s prompt and settings after it</source>
        <translation>선택한 세그먼트의 프롬프트와 설정을 바로 뒤에 복사</translation>
    </message>
    <message>
        <source>&amp;Delete Segment</source>
        <translation>세그먼트 삭제(&amp;D)</translation>
    </message>
    <message>
        <source>Delete the selected segment and its takes</source>
        <translation>선택한 세그먼트와 그 테이크 삭제</translation>
    </message>
    <message>
        <source>Move Segment &amp;Left</source>
        <translation>세그먼트를 왼쪽으로 이동(&amp;L)</translation>
    </message>
    <message>
        <source>Move the selected segment one place earlier</source>
        <translation>선택한 세그먼트를 한 칸 앞으로 이동</translation>
    </message>
    <message>
        <source>Move Segment &amp;Right</source>
        <translation>세그먼트를 오른쪽으로 이동(&amp;R)</translation>
    </message>
    <message>
        <source>Move the selected segment one place later</source>
        <translation>선택한 세그먼트를 한 칸 뒤로 이동</translation>
    </message>
    <message>
        <source>Zoom &amp;In Timeline</source>
        <translation>타임라인 확대(&amp;I)</translation>
    </message>
    <message>
        <source>Show the timeline larger</source>
        <translation>타임라인을 크게 표시</translation>
    </message>
    <message>
        <source>Zoom &amp;Out Timeline</source>
        <translation>타임라인 축소(&amp;O)</translation>
    </message>
    <message>
        <source>Show more of the timeline</source>
        <translation>타임라인을 더 넓게 표시</translation>
    </message>
    <message>
        <source>&amp;Fit Timeline</source>
        <translation>타임라인 맞춤(&amp;F)</translation>
    </message>
    <message>
        <source>Show the whole timeline</source>
        <translation>타임라인 전체 표시</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Insert Segment</source>
        <translation>세그먼트 삽입</translation>
    </message>
    <message>
        <source>Duplicate Segment</source>
        <translation>세그먼트 복제</translation>
    </message>
</context>
<context>
    <name>cosmos::widgets::TimelinePainter</name>
    <message>
        <source>1 take</source>
        <comment>take stack badge</comment>
        <translation>테이크 1개</translation>
    </message>
    <message>
        <source>%1 takes</source>
        <comment>take stack badge</comment>
        <translation>테이크 %1개</translation>
    </message>
    <message>
        <source>%1 s</source>
        <comment>clip duration</comment>
        <translation>%1초</translation>
    </message>
    <message>
        <source>not generated</source>
        <translation>생성 안 됨</translation>
    </message>
    <message>
        <source>generating…</source>
        <translation>생성 중…</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>대기 중</translation>
    </message>
    <message>
        <source>stale</source>
        <translation>갱신 필요</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <source>no take selected</source>
        <translation>선택된 테이크 없음</translation>
    </message>
    <message>
        <source>(no prompt)</source>
        <translation>(프롬프트 없음)</translation>
    </message>
</context>
<context>
    <name>cosmos::widgets::TimelineView</name>
    <message>
        <source>Timeline</source>
        <translation>타임라인</translation>
    </message>
    <message>
        <source>No project open</source>
        <translation>열린 프로젝트 없음</translation>
    </message>
    <message>
        <source>No segments yet: add one with %1, or drop an image or a video here</source>
        <translation>아직 세그먼트가 없습니다. %1 키로 추가하거나 여기에 이미지나 비디오를 끌어다 놓으십시오</translation>
    </message>
    <message>
        <source>Drop to make this segment %1</source>
        <translation>놓으면 이 세그먼트를 %1(으)로 바꿉니다</translation>
    </message>
    <message>
        <source>Drop to add a %1 segment</source>
        <translation>놓으면 %1 세그먼트를 추가합니다</translation>
    </message>
    <message>
        <source>Play Take</source>
        <translation>테이크 재생</translation>
    </message>
    <message>
        <source>Takes…</source>
        <translation>테이크…</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>다시 생성</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>생성</translation>
    </message>
    <message>
        <source>Click or drag to move the playhead</source>
        <translation>클릭하거나 드래그하여 재생 헤드 이동</translation>
    </message>
    <message>
        <source>Choose which take this segment uses</source>
        <translation>이 세그먼트에 사용할 테이크 선택</translation>
    </message>
    <message>
        <source>Regenerate: the segment before it changed since this take was made</source>
        <translation>다시 생성: 이 테이크를 만든 뒤 앞 세그먼트가 변경되었습니다</translation>
    </message>
    <message>
        <source>Generate this segment</source>
        <translation>이 세그먼트 생성</translation>
    </message>
    <message>
        <source>&lt;i&gt;No prompt yet&lt;/i&gt;</source>
        <translation>&lt;i&gt;아직 프롬프트 없음&lt;/i&gt;</translation>
    </message>
    <message>
        <source>%1 · %2 frames at %3 fps (%4 s)</source>
        <translation>%1 · %2프레임, %3 fps (%4초)</translation>
    </message>
    <message>
        <source>Drag to reorder · double-click to play · drop an image or video to condition on it</source>
        <translation>드래그하여 순서 변경 · 더블클릭하여 재생 · 이미지나 비디오를 놓아 컨디셔닝에 사용</translation>
    </message>
</context>
<context>
    <name>cosmos::widgets::WelcomePanel</name>
    <message>
        <source>Cosmos Studio</source>
        <translation>코스모스 스튜디오</translation>
    </message>
    <message>
        <source>Author world simulations with video world models: text, image or video in, a physically plausible rollout out.</source>
        <translation>비디오 월드 모델로 월드 시뮬레이션을 제작합니다: 텍스트, 이미지 또는 비디오를 넣으면 물리적으로 그럴듯한 전개가 나옵니다.</translation>
    </message>
</context>
</TS>
